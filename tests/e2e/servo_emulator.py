#!/usr/bin/env python3
"""A servo bus on a serial port, written apart from the Java drivers (standard library only), for the e2e tests of
`./demoforge devices probe`.

    servo_emulator.py [--swing=COUNTS:HZ] [--log=FILE] dynamixel|feetech PORT ID:MODEL_NUMBER:POSITION ...

Dynamixel: Protocol 2.0 (CRC-16 polynomial 0x8005, byte stuffing), answers PING (also broadcast), READ and SYNC READ
from an X-series control table (model number at 0, firmware at 6, realtime tick at 120, goal position at 116 and
present position at 132, 4 bytes), takes WRITE (acknowledged) and SYNC WRITE.
Feetech: SCS protocol (checksum ~sum), answers PING, READ and SYNC READ from an STS control table (firmware at 0..1,
model number at 3, goal position at 42 and present position at 56, 2 bytes), takes WRITE (acknowledged) and SYNC
WRITE. Runs until killed.

--swing=COUNTS:HZ  the present positions move: POSITION + COUNTS * sin(2 pi HZ t + id), t in s of CLOCK_MONOTONIC
                   (an operator moving a leader arm); a written goal with torque on is reached at once otherwise.
--log=FILE         every goal position written is appended to FILE as "MONOTONIC_NS ID COUNTS" (the clock of Java's
                   System.nanoTime on Linux), to measure what a follower was sent and when.
"""
import math
import os
import sys
import termios
import time
import tty

SWING = None
LOG = None


def moving(table, sid, base, addr, size):
    """The present position now: the base, or the swing around it."""
    if SWING is None:
        return
    counts, hz = SWING
    pos = int(round(base + counts * math.sin(2 * math.pi * hz * time.monotonic_ns() / 1e9 + sid)))
    table[addr:addr + size] = pos.to_bytes(size, "little", signed=True)


def wrote(table, sid, addr, data, goal, size, present, torque):
    """Applies a write; logs and reaches a goal position written inside [addr, addr + len)."""
    table[addr:addr + len(data)] = data
    if addr <= goal < addr + len(data):
        value = int.from_bytes(table[goal:goal + size], "little", signed=True)
        if LOG is not None:
            LOG.write("%d %d %d\n" % (time.monotonic_ns(), sid, value))
            LOG.flush()
        if table[torque]:
            table[present:present + size] = table[goal:goal + size]


def crc16(data):
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def stuff(body):
    out = bytearray()
    for i, b in enumerate(body):
        out.append(b)
        if i >= 2 and body[i - 2:i + 1] == b"\xff\xff\xfd":
            out.append(0xFD)
    return bytes(out)


def dxl_status(servo_id, params):
    body = stuff(bytes([0x55, 0]) + params)
    head = bytes([0xFF, 0xFF, 0xFD, 0x00, servo_id]) + (len(body) + 2).to_bytes(2, "little")
    packet = head + body
    return packet + crc16(packet).to_bytes(2, "little")


def scs_packet(servo_id, code, params):
    core = bytes([servo_id, len(params) + 2, code]) + params
    return b"\xff\xff" + core + bytes([~sum(core) & 0xFF])


class Dynamixel:
    def __init__(self, servos):
        self.tables = {}
        for sid, model, pos in servos:
            t = bytearray(256)
            t[0:2] = model.to_bytes(2, "little")
            t[6] = 46
            t[7] = sid
            t[132:136] = pos.to_bytes(4, "little", signed=True)
            self.tables[sid] = t
        self.base = {sid: pos for sid, _, pos in servos}
        self.born = time.monotonic_ns()

    def refresh(self, sid):
        t = self.tables[sid]
        t[120:122] = ((time.monotonic_ns() - self.born) // 1_000_000 % 32768).to_bytes(2, "little")
        if not t[64]:
            moving(t, sid, self.base[sid], 132, 4)

    def packets(self, buf):
        """Yields (id, instruction, params) of complete packets; returns the unused rest through buf."""
        while True:
            h = buf.find(b"\xff\xff\xfd\x00")
            if h < 0:
                del buf[:max(0, len(buf) - 3)]
                return
            del buf[:h]
            if len(buf) < 7:
                return
            length = int.from_bytes(buf[5:7], "little")
            if len(buf) < 7 + length:
                return
            packet = bytes(buf[:7 + length])
            if crc16(packet[:-2]) != int.from_bytes(packet[-2:], "little"):
                del buf[:1]
                continue
            del buf[:7 + length]
            body = packet[7:-2].replace(b"\xff\xff\xfd\xfd", b"\xff\xff\xfd")
            yield packet[4], body[0], body[1:]

    def answer(self, sid, instruction, params):
        if instruction == 0x01:
            ids = sorted(self.tables) if sid == 0xFE else [sid] if sid in self.tables else []
            return b"".join(dxl_status(i, self.tables[i][0:2] + self.tables[i][6:7]) for i in ids)
        if instruction == 0x02 and sid in self.tables:
            addr, n = int.from_bytes(params[0:2], "little"), int.from_bytes(params[2:4], "little")
            self.refresh(sid)
            return dxl_status(sid, bytes(self.tables[sid][addr:addr + n]))
        if instruction == 0x82:
            addr, n = int.from_bytes(params[0:2], "little"), int.from_bytes(params[2:4], "little")
            out = b""
            for i in params[4:]:
                if i in self.tables:
                    self.refresh(i)
                    out += dxl_status(i, bytes(self.tables[i][addr:addr + n]))
            return out
        if instruction == 0x03 and sid in self.tables:
            wrote(self.tables[sid], sid, int.from_bytes(params[0:2], "little"), params[2:], 116, 4, 132, 64)
            return dxl_status(sid, b"")
        if instruction == 0x83:
            addr, n = int.from_bytes(params[0:2], "little"), int.from_bytes(params[2:4], "little")
            for k in range(4, len(params) - n, n + 1):
                if params[k] in self.tables:
                    wrote(self.tables[params[k]], params[k], addr, params[k + 1:k + 1 + n], 116, 4, 132, 64)
        return b""


class Feetech:
    def __init__(self, servos):
        self.tables = {}
        for sid, model, pos in servos:
            t = bytearray(128)
            t[0], t[1] = 3, 10
            t[3:5] = model.to_bytes(2, "little")
            t[5] = sid
            t[56:58] = pos.to_bytes(2, "little")
            t[11:13] = (4095).to_bytes(2, "little")
            self.tables[sid] = t
        self.base = {sid: pos for sid, _, pos in servos}

    def refresh(self, sid):
        if not self.tables[sid][40]:
            moving(self.tables[sid], sid, self.base[sid], 56, 2)

    def packets(self, buf):
        while True:
            h = buf.find(b"\xff\xff")
            if h < 0:
                del buf[:max(0, len(buf) - 1)]
                return
            del buf[:h]
            if len(buf) < 4:
                return
            if buf[2] == 0xFF:
                del buf[:1]
                continue
            total = 4 + buf[3]
            if len(buf) < total:
                return
            packet = bytes(buf[:total])
            if (~sum(packet[2:-1]) & 0xFF) != packet[-1]:
                del buf[:1]
                continue
            del buf[:total]
            yield packet[2], packet[4], packet[5:-1]

    def answer(self, sid, instruction, params):
        if instruction == 0x01 and sid in self.tables:
            return scs_packet(sid, 0, b"")
        if instruction == 0x02 and sid in self.tables:
            self.refresh(sid)
            return scs_packet(sid, 0, bytes(self.tables[sid][params[0]:params[0] + params[1]]))
        if instruction == 0x82:
            addr, n = params[0], params[1]
            out = b""
            for i in params[2:]:
                if i in self.tables:
                    self.refresh(i)
                    out += scs_packet(i, 0, bytes(self.tables[i][addr:addr + n]))
            return out
        if instruction == 0x03 and sid in self.tables:
            wrote(self.tables[sid], sid, params[0], params[1:], 42, 2, 56, 40)
            return scs_packet(sid, 0, b"")
        if instruction == 0x83:
            addr, n = params[0], params[1]
            for k in range(2, len(params) - n, n + 1):
                if params[k] in self.tables:
                    wrote(self.tables[params[k]], params[k], addr, params[k + 1:k + 1 + n], 42, 2, 56, 40)
        return b""


def main():
    global SWING, LOG
    args = []
    ready = None
    for arg in sys.argv[1:]:
        if arg.startswith("--swing="):
            counts, hz = arg[len("--swing="):].split(":")
            SWING = (float(counts), float(hz))
        elif arg.startswith("--log="):
            LOG = open(arg[len("--log="):], "a")
        elif arg.startswith("--ready="):
            ready = arg[len("--ready="):]
        else:
            args.append(arg)
    kind, port = args[0], args[1]
    servos = [tuple(int(x) for x in arg.split(":")) for arg in args[2:]]
    bus = Dynamixel(servos) if kind == "dynamixel" else Feetech(servos)
    fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd)
    attrs = termios.tcgetattr(fd)
    attrs[6][termios.VMIN], attrs[6][termios.VTIME] = 1, 0
    termios.tcsetattr(fd, termios.TCSANOW, attrs)
    if ready:
        open(ready, "w").close()
    buf = bytearray()
    while True:
        data = os.read(fd, 1024)
        if not data:
            return
        buf += data
        for sid, instruction, params in list(bus.packets(buf)):
            reply = bus.answer(sid, instruction, params)
            if reply:
                os.write(fd, reply)


if __name__ == "__main__":
    main()
