"""Encoder speed: sentences/second of each sentence encoder on the same texts.

The texts are a fixed sample of the team's training sentences (the packaged data). Every
encoder is loaded first, then the runs interleave them (one encoder after another, --runs
times), so a busy machine slows them alike; the ratio to the first encoder is taken within
each round and its median reported. Also prints the cosine of each encoder's vectors to the
first one's (per sentence: mean and minimum).

    .venv/bin/python benchmarks/encoder_speed.py [--sentences 1500] [--runs 5]
        [--encoders numpy-fp32,onnx-fp32,onnx-int8] [--threads N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sitrep.extract import encoder
from sitrep.extract.learned import load_training


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--encoders", default=",".join(encoder.ENCODERS))
    ap.add_argument("--threads", type=int, default=None, help="onnxruntime threads (default: all cores)")
    args = ap.parse_args()
    texts, _ = load_training()
    texts = random.Random(7).sample(texts, min(args.sentences, len(texts)))
    names = args.encoders.split(",")
    encs = {}
    for name in names:
        t = time.perf_counter()
        if name.startswith("onnx-") and args.threads:
            encs[name] = encoder.OnnxEncoder(name.split("-", 1)[1], num_threads=args.threads)
        else:
            encs[name] = encoder.make_encoder(name)
        encs[name].encode(texts[:8])  # warm up
        print(f"{name:11s}: loaded in {time.perf_counter() - t:.1f} s")
    tokens = sum(len(e.ids) for e in encs[names[0]].tokenizer.encode_batch(texts))
    rates: dict[str, list[float]] = {n: [] for n in names}
    vectors = {}
    for _ in range(args.runs):
        for name in names:
            t = time.perf_counter()
            vectors[name] = encs[name].encode(texts)
            rates[name].append(len(texts) / (time.perf_counter() - t))
    print(f"{len(texts)} sentences ({tokens} tokens), {args.runs} runs, "
          f"threads {args.threads or 'all'}")
    base = names[0]
    for name in names:
        ratios = [a / b for a, b in zip(rates[name], rates[base])]
        cos = (vectors[name] * vectors[base]).sum(1)
        print(f"{name:11s}: {statistics.median(rates[name]):8.1f} sentences/s (median; runs "
              f"{', '.join(f'{x:.0f}' for x in rates[name])}); x{statistics.median(ratios):.2f} "
              f"vs {base}; cosine to {base} mean {cos.mean():.6f} min {cos.min():.6f}")


if __name__ == "__main__":
    main()
