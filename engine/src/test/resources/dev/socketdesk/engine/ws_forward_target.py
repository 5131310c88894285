"""A WebSocket server as a forward's target, on Debian's python3-websockets (10.x).

PORT SEND_BYTES MODE [CERT KEY]: on each connection, sends SEND_BYTES pseudo-random bytes in
binary and (ASCII) text messages of random sizes and prints "SENT bytes sha256"; reads every
message until the close and prints "GOT bytes sha256 messages", then "CLOSED code". MODE "wait"
waits for the client's close; "close" closes with 1000 once everything is sent. The path /nope
is refused with HTTP 404. Prints LISTENING port first.
"""
import asyncio
import hashlib
import http
import random
import ssl
import sys

import websockets


def say(*words):
    print(*words, flush=True)


async def serve(port, send_bytes, mode, cert=None, key=None):
    context = None
    if cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)

    async def refuse(path, headers):
        if path == "/nope":
            return http.HTTPStatus.NOT_FOUND, [], b"no such path\n"
        return None

    async def send_all(ws):
        rng = random.Random(20261202)
        digest = hashlib.sha256()
        left = send_bytes
        while left > 0:
            size = min(left, rng.randint(1, 65536))
            if rng.random() < 0.25:
                chunk = "".join(chr(rng.randint(32, 126)) for _ in range(min(size, 512)))
                digest.update(chunk.encode("ascii"))
                left -= len(chunk)
                await ws.send(chunk)
            else:
                chunk = rng.randbytes(size)
                digest.update(chunk)
                left -= size
                await ws.send(chunk)
        say("SENT", send_bytes, digest.hexdigest())
        if mode == "close":
            await ws.close(1000, "")

    async def handler(ws, path=None):
        sender = asyncio.ensure_future(send_all(ws))
        digest = hashlib.sha256()
        total = 0
        messages = 0
        try:
            async for message in ws:
                data = message.encode("utf-8") if isinstance(message, str) else message
                digest.update(data)
                total += len(data)
                messages += 1
        except websockets.ConnectionClosed:
            pass
        say("GOT", total, digest.hexdigest(), messages)
        try:
            await sender
        except websockets.ConnectionClosed:
            say("SEND CUT")
        say("CLOSED", ws.close_code)

    async with websockets.serve(
        handler, "127.0.0.1", port, max_size=None, ssl=context, process_request=refuse
    ) as server:
        say("LISTENING", server.sockets[0].getsockname()[1])
        await asyncio.Future()


if __name__ == "__main__":
    args = sys.argv[1:]
    asyncio.run(serve(int(args[0]), int(args[1]), args[2], *args[3:]))
