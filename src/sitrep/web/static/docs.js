// The API documentation page (/docs): Swagger UI from the swagger-ui-bundle package, served by
// this server like everything else (no CDN, no inline script, so the page's strict Content
// Security Policy holds). validatorUrl: null keeps Swagger UI from asking an outside validator.
// It reads /docs/openapi.json, the API description in OpenAPI 3.0 (this Swagger UI does not
// read 3.1, which /openapi.json is for API clients).
"use strict";
window.ui = SwaggerUIBundle({
  url: "/docs/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
  showExtensions: true,
});
