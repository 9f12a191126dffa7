#!/usr/bin/python3
"""Independent check of the example npz exporter's output with numpy (Debian python3-numpy).

  npz-check.py DATASET_DIR

Reads meta.json and every data/episode_NNNNNN.npz with numpy.load, checks dtypes and shapes against meta.json, and
recomputes the values of the test's ramp episodes (state = e + i/8 + d/4, action = -state, frame i of episode e
filled with RGB (255 - i, 2e, i)). Prints a JSON summary; a violation prints "npz-check: FAIL: ..." and exits 1.
"""
import json
import os
import sys

import numpy as np


def need(cond, msg):
    if not cond:
        print("npz-check: FAIL: " + msg, file=sys.stderr)
        sys.exit(1)


root = sys.argv[1]
meta = json.load(open(os.path.join(root, "meta.json")))
shapes = {}
frames = 0
for e, ep in enumerate(meta["episodes"]):
    z = np.load(os.path.join(root, ep["file"]))
    n = ep["length"]
    need(z["timestamp"].dtype == np.float32 and z["timestamp"].shape == (n,), "timestamp of " + ep["file"])
    need(np.array_equal(z["frame_index"], np.arange(n, dtype=np.int64)), "frame_index of " + ep["file"])
    need(np.allclose(z["timestamp"], np.arange(n) / meta["fps"]), "timestamps of " + ep["file"])
    for key, f in meta["features"].items():
        a = z[key]
        need(list(a.shape) == [n] + f["shape"], f"{ep['file']} {key}: shape {a.shape}, meta {f['shape']}")
        shapes[key] = list(a.shape) if e == 0 else shapes[key]
        if f["kind"] == "video":
            need(a.dtype == np.uint8, f"{key} dtype {a.dtype}")
            for i in range(n):
                need((a[i] == np.array([255 - i, 2 * e, i], dtype=np.uint8)).all(), f"{ep['file']} {key} frame {i}")
        else:
            need(a.dtype == np.float32, f"{key} dtype {a.dtype}")
            i, d = np.meshgrid(np.arange(n), np.arange(f["shape"][0]), indexing="ij")
            want = (e + i / 8 + d / 4).astype(np.float32) * (-1 if key == "action" else 1)
            need(np.array_equal(a, want), f"{ep['file']} {key} values")
    frames += n
print(json.dumps({"episodes": len(meta["episodes"]), "frames": frames, "shapes": shapes, "splits": meta["splits"]}))
