"""A board on the far end of a serial line, for tests without hardware.

Usage: serial-board.py PATH MODE, run with Debian's /usr/bin/python3 (python3-serial).
Prints "ready" once the port is open.

MODE text: answers like a tutorial board, line by line:
  "hello"   -> "Hello from board!\r\n"
  "burst"   -> "AB" "CD" "EF\r\n" 2 ms apart, then after 300 ms "GH" (one message, then another)
  anything  -> "I got:" + the line + "\r\n"
MODE modbus: a Modbus RTU slave at address 1 with CRC-16/MODBUS. Function 3 (read holding
  registers) answers register i with the value 0x0100 + i; a bad CRC is answered with exception 8;
  another function with exception 1.
MODE echo: sends back every byte.
"""

import sys
import time

import serial


def crc16_modbus(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def text(port):
    line = b""
    while True:
        b = port.read(1)
        if not b:
            continue
        if b != b"\n":
            line += b
            continue
        word = line.strip(b"\r")
        line = b""
        if word == b"hello":
            port.write(b"Hello from board!\r\n")
        elif word == b"burst":
            for part in (b"AB", b"CD", b"EF\r\n"):
                port.write(part)
                port.flush()
                time.sleep(0.002)
            time.sleep(0.3)
            port.write(b"GH")
        else:
            port.write(b"I got:" + word + b"\r\n")
        port.flush()


def modbus(port):
    while True:
        frame = port.read(8)
        if len(frame) < 8:
            continue
        address, function = frame[0], frame[1]
        if crc16_modbus(frame[:6]) != frame[6:8]:
            body = bytes([address, 0x80 | function, 0x08])
        elif function != 3:
            body = bytes([address, 0x80 | function, 0x01])
        else:
            start = (frame[2] << 8) | frame[3]
            count = (frame[4] << 8) | frame[5]
            values = b"".join(bytes([0x01, (start + i) & 0xFF]) for i in range(count))
            body = bytes([address, 3, 2 * count]) + values
        port.write(body + crc16_modbus(body))
        port.flush()


def echo(port):
    while True:
        data = port.read(port.in_waiting or 1)
        if data:
            port.write(data)


def main():
    path, mode = sys.argv[1], sys.argv[2]
    port = serial.Serial(path, 115200, timeout=0.1)
    print("ready", flush=True)
    {"text": text, "modbus": modbus, "echo": echo}[mode](port)


if __name__ == "__main__":
    main()
