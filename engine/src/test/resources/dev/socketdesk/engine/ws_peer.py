"""The far side of the WebSocket tests, on Debian's python3-websockets (10.x).

server PORT [CERT KEY]: echoes each message as its kind; "fragments" is answered with a
  fragmented message; "ping-me" with a ping; "close-me" with close 4002 "done"; "big" with a
  16 MiB binary message. Prints LISTENING port, then one line per event.
client URL SCRIPT [CAFILE]: runs one scenario against a server that echoes; prints one line per
  result.
"""
import asyncio
import hashlib
import ssl
import sys

import websockets


def say(*words):
    print(*words, flush=True)


def kind(message):
    return "text" if isinstance(message, str) else "binary"


async def serve(port, cert=None, key=None):
    context = None
    if cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)

    async def handler(ws, path=None):
        say("OPEN", ws.path, ws.subprotocol or "-", ws.request_headers.get("X-Board", "-"))
        try:
            async for message in ws:
                say("GOT", kind(message), len(message))
                if message == "fragments":
                    await ws.send(["a", "b", "c"])
                elif message == "ping-me":
                    await ws.ping(b"srv")
                elif message == "close-me":
                    await ws.close(4002, "done")
                elif message == "big":
                    await ws.send(b"\x5a" * (16 << 20))
                else:
                    await ws.send(message)
        except websockets.ConnectionClosed:
            pass
        say("CLOSED", ws.close_code, ws.close_reason or "-")

    async with websockets.serve(
        handler, "127.0.0.1", port, max_size=None, ssl=context, subprotocols=["mqtt", "chat"]
    ) as server:
        say("LISTENING", server.sockets[0].getsockname()[1])
        await asyncio.Future()


async def client(url, script, cafile=None):
    context = None
    if url.startswith("wss:"):
        context = ssl.create_default_context(cafile=cafile)
    async with websockets.connect(url, max_size=None, ssl=context) as ws:
        if script == "basics":
            await ws.send("hello")
            answer = await ws.recv()
            say("ECHO", kind(answer), answer)
            await ws.send(b"\x00\x01\xff")
            answer = await ws.recv()
            say("ECHO", kind(answer), answer.hex())
            await ws.send(["part1-", "part2-", "part3"])
            answer = await ws.recv()
            say("ECHO", kind(answer), answer)
            waiter = await ws.ping(b"abc")
            await asyncio.wait_for(waiter, 5)
            say("PONG")
            await ws.close(4001, "bye")
            say("CLOSED", ws.close_code)
        elif script == "big":
            data = bytes(range(256)) * (65536)
            await ws.send(data)
            answer = await ws.recv()
            say("BIG", kind(answer), len(answer), hashlib.sha256(answer).hexdigest() == hashlib.sha256(data).hexdigest())
            await ws.close()
        elif script == "too-big":
            await ws.send(b"x" * 2000)
            try:
                await ws.recv()
            except websockets.ConnectionClosed as closed:
                say("CLOSED", closed.code)
        elif script == "too-big-fragments":
            await ws.send([b"x" * 400, b"y" * 400, b"z" * 400])
            try:
                await ws.recv()
            except websockets.ConnectionClosed as closed:
                say("CLOSED", closed.code)
        elif script == "wait":
            try:
                while True:
                    message = await ws.recv()
                    say("GOT", kind(message), message)
            except websockets.ConnectionClosed as closed:
                say("CLOSED", closed.code, closed.reason or "-")


if __name__ == "__main__":
    if sys.argv[1] == "server":
        asyncio.run(serve(int(sys.argv[2]), *sys.argv[3:5]))
    else:
        asyncio.run(client(sys.argv[2], sys.argv[3], *sys.argv[4:5]))
