"""Serial receive throughput: writes BYTES into the pty PATH (the far end of a pair) while reading
them from a TCP relay of the near end at HOST:PORT; prints "bytes N seconds S MBps R".
usage: serial_rx.py HOST PORT PATH BYTES"""
import os
import socket
import sys
import threading
import time


def main():
    host, port, path, total = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    sock = socket.create_connection((host, port), timeout=30)
    time.sleep(0.5)  # the relay opens its port once the client is connected
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    block = bytes(65536)

    def write():
        left = total
        while left > 0:
            left -= os.write(fd, block[: min(left, len(block))])

    start = time.monotonic()
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    got = 0
    while got < total:
        data = sock.recv(1 << 20)
        if not data:
            sys.exit("serial_rx: the relay closed after %d of %d bytes" % (got, total))
        got += len(data)
    seconds = time.monotonic() - start
    print("bytes %d seconds %.4f MBps %.2f" % (got, seconds, got / seconds / 1e6))


main()
