"""The web app: a JSON API over the store and an offline map page built on it."""
