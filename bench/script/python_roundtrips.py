"""The same exchanges as roundtrips.yaml, in plain Python sockets: send 64 bytes, read until the
64 bytes have come back and check them, N times. Prints the seconds the loop took.
Usage: python_roundtrips.py HOST PORT N"""
import socket
import sys
import time

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
payload = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n"
assert len(payload) == 64
s = socket.create_connection((host, port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
start = time.perf_counter()
for _ in range(n):
    s.sendall(payload)
    got = b""
    while payload not in got:
        chunk = s.recv(65536)
        if not chunk:
            sys.exit("the echo server closed the connection")
        got += chunk
elapsed = time.perf_counter() - start
s.close()
print(f"{elapsed:.4f}")
