#!/usr/bin/python3
"""The periodic-client profile of `socketdesk simulate ... --verify-echo` in Python asyncio, for a
cost comparison (bench/fleet.sh): N devices connect (at RATE per second, from the source addresses
in turn), each sends MESSAGES payloads one INTERVAL apart, alternating 'Hello Handbit' and
"I'am MixNo", checks that each comes back byte for byte and times the round trip, then half-closes
and waits for the server to close.

    asyncio_echo_clients.py HOST PORT COUNT [--messages 20] [--interval 1] [--ramp 1000]
                            [--source-ips 127.0.0.2,127.0.0.3]
"""
import argparse
import asyncio
import resource
import time

PAYLOADS = [b"Hello Handbit", b"I'am MixNo"]


async def device(args, source, stats):
    t0 = time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(args.host, args.port, local_addr=(source, 0) if source else None),
            5,
        )
    except Exception as e:  # counted like the simulator's failed devices
        stats["failed"] += 1
        stats["errors"][type(e).__name__] = stats["errors"].get(type(e).__name__, 0) + 1
        return
    stats["connect"].append(time.perf_counter() - t0)
    stats["connected"] += 1
    next_send = time.perf_counter()
    for seq in range(args.messages):
        payload = PAYLOADS[seq % len(PAYLOADS)]
        sent = time.perf_counter()
        writer.write(payload)
        stats["out"] += 1
        stats["bytes_out"] += len(payload)
        echo = await reader.readexactly(len(payload))
        stats["rtt"].append(time.perf_counter() - sent)
        stats["bytes_in"] += len(echo)
        stats["verified" if echo == payload else "mismatched"] += 1
        next_send += args.interval
        await asyncio.sleep(max(0, next_send - time.perf_counter()))
    writer.write_eof()
    await reader.read()
    writer.close()


async def main(args):
    sources = args.source_ips.split(",") if args.source_ips else [None]
    stats = dict(connected=0, failed=0, out=0, bytes_out=0, bytes_in=0, verified=0,
                 mismatched=0, rtt=[], connect=[], errors={})
    tasks = []
    start = time.perf_counter()
    for i in range(args.count):
        if args.ramp > 0:
            await asyncio.sleep(max(0, start + i / args.ramp - time.perf_counter()))
        tasks.append(asyncio.create_task(device(args, sources[(i + 1) % len(sources)], stats)))
    await asyncio.gather(*tasks)
    rtt = sorted(stats["rtt"])
    pct = lambda p: rtt[min(len(rtt) - 1, int(len(rtt) * p / 100))] * 1000 if rtt else 0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"python asyncio: {args.count} devices, connected {stats['connected']}, failed "
          f"{stats['failed']}, messages out {stats['out']}, echoes verified {stats['verified']}, "
          f"mismatched {stats['mismatched']}, rtt p50 {pct(50):.3f} ms p99 {pct(99):.3f} ms, "
          f"{time.perf_counter() - start:.1f} s, cpu {usage.ru_utime + usage.ru_stime:.2f} s, "
          f"maxrss {usage.ru_maxrss / 1024:.1f} MiB, errors {stats['errors']}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("count", type=int)
    p.add_argument("--messages", type=int, default=20)
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument("--ramp", type=float, default=1000)
    p.add_argument("--source-ips", default="")
    asyncio.run(main(p.parse_args()))
