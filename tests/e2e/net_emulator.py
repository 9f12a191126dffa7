#!/usr/bin/env python3
"""Network device emulators for the end-to-end tests (Python standard library, written apart from the Java drivers).

  net_emulator.py rtde  PORT_FILE   a UR controller's RTDE server (software 5.9.4.1234, protocol 2, output recipes
                                    streamed at the asked frequency, at most 500 Hz, on a 2 ms controller clock)
  net_emulator.py netft PORT_FILE   an ATI Net F/T RDT server on UDP (records at 1 kHz after command 2)

Binds a free loopback port, writes its number to PORT_FILE, serves until killed.
"""
import socket
import struct
import sys
import threading
import time

OUTPUT_TYPES = {"timestamp": "DOUBLE", "actual_q": "VECTOR6D", "actual_qd": "VECTOR6D", "actual_current": "VECTOR6D",
                "actual_TCP_pose": "VECTOR6D", "actual_TCP_force": "VECTOR6D", "target_q": "VECTOR6D",
                "robot_mode": "INT32", "safety_mode": "INT32", "runtime_state": "UINT32"}
BOOT = time.monotonic()


def packet(kind, payload):
    return struct.pack(">HB", 3 + len(payload), ord(kind)) + payload


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def rtde_values(name, t):
    q = [0.25 * i + 0.1 * (t % 10) for i in range(6)]
    return {"timestamp": [t], "actual_q": q, "actual_qd": [0.1] * 6, "actual_current": [0.5] * 6,
            "actual_TCP_pose": [0.4, -0.1, 0.3, 0.0, 3.14, 0.0], "actual_TCP_force": [1.0, -2.0, -9.5, 0.1, -0.2, 0.05],
            "target_q": q, "robot_mode": [7], "safety_mode": [1], "runtime_state": [2]}[name]


def rtde_stream(conn, lock, names, hz, stop):
    fmt = ">B" + "".join({"DOUBLE": "d", "VECTOR6D": "6d", "INT32": "i", "UINT32": "I"}[OUTPUT_TYPES[n]]
                         for n in names)
    every = max(1, round(500 / hz))
    cycle = -1
    next_time = time.monotonic()
    while not stop.is_set():
        next_time += every * 0.002
        time.sleep(max(0.0, next_time - time.monotonic()))
        cycle = max(cycle + every, int((time.monotonic() - BOOT) / 0.002))
        t = cycle * 0.002
        values = [v for n in names for v in rtde_values(n, t)]
        try:
            with lock:
                conn.sendall(packet("U", struct.pack(fmt, 1, *values)))
        except OSError:
            return


def rtde_client(conn):
    lock = threading.Lock()
    stop = threading.Event()
    names, hz = [], 125.0
    try:
        while True:
            size, kind = struct.unpack(">HB", recv_exact(conn, 3))
            payload = recv_exact(conn, size - 3)
            reply = None
            if kind == ord("V"):
                reply = packet("V", bytes([1 if struct.unpack(">H", payload)[0] == 2 else 0]))
            elif kind == ord("v"):
                reply = packet("v", struct.pack(">IIII", 5, 9, 4, 1234))
            elif kind == ord("O"):
                hz = min(struct.unpack(">d", payload[:8])[0], 500.0)
                names = payload[8:].decode().split(",")
                types = ",".join(OUTPUT_TYPES.get(n, "NOT_FOUND") for n in names)
                reply = packet("O", b"\x01" + types.encode())
            elif kind == ord("I"):
                wanted = payload.decode().split(",")
                types = ",".join("DOUBLE" if n.startswith("input_double_register_") else
                                 "INT32" if n.startswith("input_int_register_") else "NOT_FOUND" for n in wanted)
                reply = packet("I", b"\x02" + types.encode())
            elif kind == ord("S"):
                reply = packet("S", b"\x01")
                threading.Thread(target=rtde_stream, args=(conn, lock, names, hz, stop), daemon=True).start()
            elif kind == ord("P"):
                stop.set()
                reply = packet("P", b"\x01")
            if reply:
                with lock:
                    conn.sendall(reply)
    except (ConnectionError, OSError, struct.error):
        pass
    finally:
        stop.set()
        conn.close()


def serve_rtde(port_file):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    write_port(port_file, server.getsockname()[1])
    while True:
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=rtde_client, args=(conn,), daemon=True).start()


def serve_netft(port_file):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    write_port(port_file, sock.getsockname()[1])
    state = {"client": None, "seq": 0}

    def sender():
        next_time = time.monotonic()
        while True:
            next_time += 0.001
            time.sleep(max(0.0, next_time - time.monotonic()))
            client = state["client"]
            if client is None:
                continue
            state["seq"] += 1
            counts = [1500000, -250000, -9810000, 12000, -3000, 500]  # 1.5 N, -0.25 N, -9.81 N; N·m at 1e6 counts
            sock.sendto(struct.pack(">III6i", state["seq"], state["seq"] * 7, 0, *counts), client)

    threading.Thread(target=sender, daemon=True).start()
    while True:
        data, addr = sock.recvfrom(64)
        if len(data) != 8:
            continue
        header, command, _count = struct.unpack(">HHI", data)
        if header != 0x1234:
            continue
        if command == 2:
            state["seq"] = 0
            state["client"] = addr
        elif command == 0:
            state["client"] = None


def write_port(path, port):
    with open(path + ".tmp", "w") as f:
        f.write(str(port))
    import os
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    {"rtde": serve_rtde, "netft": serve_netft}[sys.argv[1]](sys.argv[2])
