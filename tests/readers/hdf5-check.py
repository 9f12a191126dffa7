#!/usr/bin/python3
"""Independent check of DemoForge's HDF5 exports with h5py (Debian python3-h5py, HDF5 1.10) and numpy.

  hdf5-check.py aloha DIR [--digests]
      every episode_<i>.hdf5 in DIR (i = 0..n-1, contiguous) against formats.md section 3
  hdf5-check.py robomimic FILE [--digests] [--no-action-range]
      one robomimic file against formats.md section 4 (get_dataset_info.py's rules included)

Prints one JSON document describing what was read (layout, attributes, vector values, and with --digests the
sha256 of every stored image frame; JPEG rows are decoded with ffmpeg and summarised by per-channel means in the
order cv2.imdecode returns them). A rule violation prints "hdf5-check: FAIL: ..." on stderr and exits 1.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

import h5py
import numpy as np


class Fail(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise Fail(msg)


def attr_value(v):
    if isinstance(v, (bytes, np.bytes_)):
        return {"type": "bytes", "value": v.decode("utf-8")}
    if isinstance(v, str):
        return {"type": "str", "value": v}
    if isinstance(v, (bool, np.bool_)):
        return {"type": "bool", "value": bool(v)}
    if isinstance(v, np.ndarray):
        return {"type": "array", "dtype": v.dtype.str, "value": v.tolist()}
    if isinstance(v, np.integer):
        return {"type": "int", "dtype": v.dtype.str, "value": int(v)}
    if isinstance(v, np.floating):
        return {"type": "float", "dtype": v.dtype.str, "value": float(v)}
    return {"type": type(v).__name__, "value": repr(v)}


def layout(ds):
    return {"shape": list(ds.shape), "dtype": ds.dtype.str, "chunks": list(ds.chunks) if ds.chunks else None,
            "compression": ds.compression, "compression_opts": ds.compression_opts}


def all_datasets(group):
    out = {}
    group.visititems(lambda name, obj: out.__setitem__(name, layout(obj)) if isinstance(obj, h5py.Dataset) else None)
    return out


def frame_digests(ds):
    return [hashlib.sha256(ds[i].tobytes()).hexdigest() for i in range(ds.shape[0])]


def decode_jpegs(rows, lengths, where):
    """Decodes JPEG rows with ffmpeg (independent of the writer's ImageIO); returns BGR arrays as cv2.imdecode would."""
    data = b"".join(rows[i][: int(lengths[i])].tobytes() for i in range(len(rows)))
    p = subprocess.run(["ffmpeg", "-v", "error", "-f", "image2pipe", "-c:v", "mjpeg", "-i", "-", "-f", "rawvideo",
                        "-pix_fmt", "bgr24", "-"], input=data, capture_output=True, check=False)
    need(p.returncode == 0, f"{where}: ffmpeg could not decode the JPEG rows: {p.stderr.decode()[-400:]}")
    return p.stdout


def jpeg_size(row, length, where):
    """Width and height from the SOF0 marker of a baseline JPEG."""
    b = row[:length].tobytes()
    i = 2
    while i < len(b):
        need(b[i] == 0xFF, f"{where}: bad JPEG marker at byte {i}")
        marker = b[i + 1]
        seg = int.from_bytes(b[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(b[i + 7:i + 9], "big"), int.from_bytes(b[i + 5:i + 7], "big")
        i += 2 + seg
    raise Fail(f"{where}: no SOF marker")


def check_aloha(directory, digests):
    names = sorted((f for f in os.listdir(directory) if f.endswith(".hdf5")),
                   key=lambda f: int(re.fullmatch(r"episode_(\d+)\.hdf5", f).group(1))
                   if re.fullmatch(r"episode_(\d+)\.hdf5", f) else -1)
    need(names, f"{directory}: no .hdf5 files")
    for i, n in enumerate(names):
        need(n == f"episode_{i}.hdf5", f"{directory}: expected episode_{i}.hdf5 (unpadded, contiguous), found {n}")
    # besides the episodes only DemoForge's alignment report (meta/demoforge_alignment.json, see docs/time-sync.md)
    others = [f for f in os.listdir(directory) if not f.endswith(".hdf5") and f != "meta"]
    need(not others, f"{directory}: unexpected files {others}")
    if os.path.isdir(os.path.join(directory, "meta")):
        extra = os.listdir(os.path.join(directory, "meta"))
        need(extra == ["demoforge_alignment.json"], f"{directory}/meta: unexpected files {extra}")
    out = {"files": {}}
    for n in names:
        path = os.path.join(directory, n)
        with h5py.File(path, "r") as f:
            out["files"][n] = check_aloha_file(f, path, digests)
    return out


def check_aloha_file(f, path, digests):
    need("sim" in f.attrs, f"{path}: root attribute 'sim' missing")
    sim = f.attrs["sim"]
    compress = bool(f.attrs.get("compress", False))
    for p in ("observations/qpos", "observations/qvel", "observations/effort", "action"):
        need(p in f, f"{path}: /{p} missing")
        need(f[p].ndim == 2 and f[p].dtype == np.float32, f"{path}: /{p} must be 2-D float32, is {f[p].dtype}")
    qpos = f["observations/qpos"][()]
    t = qpos.shape[0]
    for p in ("observations/qvel", "observations/effort"):
        need(f[p].shape == qpos.shape, f"{path}: /{p} shape {f[p].shape} differs from qpos {qpos.shape}")
    need(f["action"].shape[0] == t, f"{path}: /action has {f['action'].shape[0]} rows, qpos {t}")
    fps = int(f.attrs["fps"]) if "fps" in f.attrs else None
    info = {"attrs": {k: attr_value(v) for k, v in f.attrs.items()}, "datasets": all_datasets(f),
            "values": {}, "images": {}}
    for name, obj in f["observations"].items():
        if isinstance(obj, h5py.Dataset):
            info["values"]["observations/" + name] = obj[()].tolist()
    info["values"]["action"] = f["action"][()].tolist()
    if fps:
        grad = np.gradient(qpos.astype(np.float64), 1.0 / fps, axis=0) if t > 1 else np.zeros_like(qpos)
        info["qvel_minus_gradient"] = float(np.max(np.abs(f["observations/qvel"][()] - grad)))
    cams = list(f["observations/images"].keys())
    need(cams, f"{path}: /observations/images has no camera")
    if compress:
        need("compress_len" in f, f"{path}: compressed file without /compress_len")
        cl = f["compress_len"]
        need(cl.dtype == np.float32 and cl.shape == (len(cams), t),
             f"{path}: /compress_len must be float32 ({len(cams)}, {t}), is {cl.dtype} {cl.shape}")
        lens = cl[()]
        padded = None
        for c, cam in enumerate(info["attrs"].get("camera_names", {}).get("value", sorted(cams))):
            ds = f["observations/images/" + cam]
            need(ds.dtype == np.uint8 and ds.ndim == 2 and ds.shape[0] == t, f"{path}: {cam} must be uint8 (T, padded)")
            need(ds.chunks == (1, ds.shape[1]), f"{path}: {cam} chunks {ds.chunks}, expected (1, {ds.shape[1]})")
            padded = ds.shape[1] if padded is None else padded
            need(ds.shape[1] == padded, f"{path}: cameras padded to different sizes")
            rows = [ds[i] for i in range(t)]
            for i, row in enumerate(rows):
                n = int(lens[c][i])
                need(n > 4 and row[0] == 0xFF and row[1] == 0xD8, f"{path}: {cam} frame {i} does not start with SOI")
                need(row[n - 2] == 0xFF and row[n - 1] == 0xD9, f"{path}: {cam} frame {i}: no EOI at compress_len {n}")
                need(not row[n:].any(), f"{path}: {cam} frame {i}: non-zero bytes after compress_len {n}")
            w, h = jpeg_size(rows[0], int(lens[c][0]), f"{path} {cam}")
            raw = decode_jpegs(rows, lens[c], f"{path} {cam}")
            need(len(raw) == t * w * h * 3, f"{path}: {cam}: ffmpeg decoded {len(raw)} bytes, expected {t} frames")
            frames = np.frombuffer(raw, np.uint8).reshape(t, h, w, 3)
            info["images"][cam] = {"width": w, "height": h,
                                   "bgr_means": frames.reshape(t, -1, 3).mean(axis=1).tolist()}
        need(padded == int(lens.max()), f"{path}: rows padded to {padded}, longest JPEG is {int(lens.max())}")
    else:
        for cam in cams:
            ds = f["observations/images/" + cam]
            need(ds.dtype == np.uint8 and ds.ndim == 4 and ds.shape[0] == t and ds.shape[3] == 3,
                 f"{path}: {cam} must be uint8 (T, H, W, 3), is {ds.dtype} {ds.shape}")
            need(ds.chunks == (1,) + ds.shape[1:], f"{path}: {cam} chunks {ds.chunks}, expected (1, H, W, 3)")
            if digests:
                info["images"][cam] = {"sha256": frame_digests(ds)}
    info["sim_is_bool"] = isinstance(sim, (bool, np.bool_))
    return info


def check_robomimic(path, digests, action_range):
    with h5py.File(path, "r") as f:
        need("data" in f, f"{path}: /data missing")
        data = f["data"]
        need("env_args" in data.attrs and "total" in data.attrs, f"{path}: /data needs attributes total and env_args")
        env = json.loads(data.attrs["env_args"])
        need(isinstance(env.get("env_name"), str) and isinstance(env.get("type"), int)
             and isinstance(env.get("env_kwargs"), dict), f"{path}: env_args {env} lacks env_name/type/env_kwargs")
        names = list(data.keys())
        for n in names:
            need(re.fullmatch(r"demo_\d+", n), f"{path}: data/{n} is not named demo_<int>")
        demos = sorted(names, key=lambda n: int(n[5:]))
        out = {"attrs": {k: attr_value(v) for k, v in data.attrs.items()}, "env_args": env, "demos": {},
               "masks": {}}
        total = 0
        for n in demos:
            out["demos"][n] = check_demo(data[n], f"{path}: data/{n}", digests, action_range)
            total += out["demos"][n]["num_samples"]
        need(int(data.attrs["total"]) == total, f"{path}: data.attrs total {data.attrs['total']} != {total}")
        if "mask" in f:
            for key, ds in f["mask"].items():
                need(ds.dtype.kind == "S", f"{path}: mask/{key} must hold fixed-length byte strings, is {ds.dtype}")
                elems = [e.decode("utf-8") for e in ds[()]]
                for e in elems:
                    need(e in demos, f"{path}: mask/{key} names {e}, not a demo")
                out["masks"][key] = elems
            if "train" in out["masks"] and "valid" in out["masks"]:
                tr, va = set(out["masks"]["train"]), set(out["masks"]["valid"])
                need(not tr & va, f"{path}: train and valid share {tr & va}")
                need(tr | va == set(demos), f"{path}: train + valid do not cover every demo")
        return out


def check_demo(g, where, digests, action_range):
    need("num_samples" in g.attrs, f"{where}: attribute num_samples missing")
    n = int(g.attrs["num_samples"])
    a = g["actions"]
    need(a.ndim == 2 and a.shape[0] == n, f"{where}: actions {a.shape} must be 2-D with num_samples={n} rows")
    actions = a[()]
    if action_range:
        need(actions.min() >= -1 and actions.max() <= 1, f"{where}: Dataset should have actions in [-1., 1.] "
             f"(found {actions.min()} .. {actions.max()})")
    for k in ("rewards", "dones"):
        need(g[k].shape == (n,), f"{where}: {k} shape {g[k].shape}, expected ({n},)")
    need(g["dones"][-1] == 1, f"{where}: dones[-1] must be 1")
    need(g["states"].ndim == 2 and g["states"].shape[0] == n, f"{where}: states must be (N, S)")
    obs, nxt = g["obs"], g.get("next_obs")
    info = {"num_samples": n, "attrs": {k: attr_value(v) for k, v in g.attrs.items()}, "datasets": all_datasets(g),
            "actions": actions.tolist(), "rewards": g["rewards"][()].tolist(), "dones": g["dones"][()].tolist(),
            "states": g["states"][()].tolist(), "obs": {}, "images": {}}
    for key, ds in obs.items():
        need(ds.shape[0] == n, f"{where}: obs/{key} has {ds.shape[0]} rows, num_samples {n}")
        if nxt is not None:
            need(key in nxt and nxt[key].shape == ds.shape and nxt[key].dtype == ds.dtype,
                 f"{where}: next_obs/{key} missing or shaped differently")
            for i in range(n):
                need(np.array_equal(nxt[key][i], ds[min(i + 1, n - 1)]),
                     f"{where}: next_obs/{key}[{i}] != obs/{key}[{min(i + 1, n - 1)}]")
        if ds.dtype == np.uint8:
            need(ds.ndim == 4 and ds.shape[3] == 3, f"{where}: image obs/{key} must be (N, H, W, 3)")
            if digests:
                info["images"][key] = {"sha256": frame_digests(ds)}
        else:
            info["obs"][key] = ds[()].tolist()
    if nxt is not None:
        need(set(nxt.keys()) == set(obs.keys()), f"{where}: next_obs keys differ from obs keys")
    return info


def main(argv):
    if len(argv) < 3 or argv[1] not in ("aloha", "robomimic"):
        print(__doc__, file=sys.stderr)
        return 2
    digests = "--digests" in argv
    try:
        if argv[1] == "aloha":
            result = check_aloha(argv[2], digests)
        else:
            result = check_robomimic(argv[2], digests, "--no-action-range" not in argv)
    except Fail as e:
        print(f"hdf5-check: FAIL: {e}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
