/* Sequential round trips of SIZE bytes through a TCP echo server, after 1000 warm-up round trips.
 * usage: tcp_rtt HOST PORT COUNT SIZE
 * output: "p50_us A p99_us B max_us C" */
#include "common.h"

static int cmp(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

static void round_trip(int fd, const char *out, char *in, int size) {
  if (write(fd, out, size) != size) die("write");
  int got = 0;
  while (got < size) {
    ssize_t r = read(fd, in + got, size - got);
    if (r <= 0) die("read");
    got += r;
  }
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: tcp_rtt HOST PORT COUNT SIZE\n");
    return 2;
  }
  int count = atoi(argv[3]), size = atoi(argv[4]);
  char *out = malloc(size), *in = malloc(size);
  memset(out, 'r', size);
  int fd = connect_to(argv[1], atoi(argv[2]));
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  for (int i = 0; i < 1000; i++) round_trip(fd, out, in, size);
  long long *t = malloc(sizeof(long long) * count);
  for (int i = 0; i < count; i++) {
    long long t0 = now_ns();
    round_trip(fd, out, in, size);
    t[i] = now_ns() - t0;
  }
  qsort(t, count, sizeof *t, cmp);
  printf("p50_us %.2f p99_us %.2f max_us %.2f\n", t[count / 2] / 1e3,
         t[(int)(count * 0.99)] / 1e3, t[count - 1] / 1e3);
  close(fd);
  return 0;
}
