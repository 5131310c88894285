/* The C floor for scripted round trips: the same loop as bench/script/python_roundtrips.py (send 64
 * bytes, read until those 64 bytes are back and check them, COUNT times) on one blocking socket
 * with TCP_NODELAY, no warm-up. Prints the seconds the loop took.
 * usage: rtt_loop HOST PORT COUNT */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: rtt_loop HOST PORT COUNT\n");
    return 2;
  }
  int count = atoi(argv[3]);
  static const char payload[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n";
  enum { SIZE = sizeof payload - 1 };
  char in[SIZE];
  int fd = connect_to(argv[1], atoi(argv[2]));
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  double t0 = now_sec();
  for (int i = 0; i < count; i++) {
    if (write(fd, payload, SIZE) != SIZE) die("write");
    for (int got = 0; got < SIZE;) {
      ssize_t r = read(fd, in + got, SIZE - got);
      if (r <= 0) die("read");
      got += r;
    }
    if (memcmp(in, payload, SIZE) != 0) {
      fprintf(stderr, "round trip %d came back different\n", i);
      return 1;
    }
  }
  printf("%.4f\n", now_sec() - t0);
  close(fd);
  return 0;
}
