/* Device-like traffic: CONNS connections each send a short text line every PERIOD_MS for SECONDS,
 * one line in ten framed as "BEGIN ... END", and read whatever comes back. Bounded in time.
 * usage: trickle HOST PORT CONNS PERIOD_MS SECONDS
 * output: "lines N bytes B received R" */
#include "common.h"
#include <poll.h>

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: trickle HOST PORT CONNS PERIOD_MS SECONDS\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  int conns = atoi(argv[3]);
  long long period_ns = atoll(argv[4]) * 1000000LL;
  long long end = now_ns() + atoll(argv[5]) * 1000000000LL;
  if (conns < 1 || conns > 64) {
    fprintf(stderr, "CONNS must be 1 to 64\n");
    return 2;
  }
  struct pollfd fds[64];
  for (int i = 0; i < conns; i++) {
    fds[i].fd = connect_to(argv[1], atoi(argv[2]));
    fds[i].events = POLLIN;
    set_nonblock(fds[i].fd);
  }
  long long lines = 0, bytes = 0, received = 0, next = now_ns();
  char line[128], buf[65536];
  while (now_ns() < end) {
    long long t = now_ns();
    if (t >= next) {
      for (int i = 0; i < conns; i++) {
        int n = lines % 10 == 0
            ? snprintf(line, sizeof line, "BEGIN id=%d seq=%lld temp=21.5 END\n", i, lines)
            : snprintf(line, sizeof line, "id=%d seq=%lld temp=21.5 hum=40\n", i, lines);
        if (write(fds[i].fd, line, n) == n) bytes += n;
      }
      lines++;
      next += period_ns;
      continue;
    }
    int wait_ms = (int)((next - t) / 1000000LL);
    if (poll(fds, conns, wait_ms) > 0) {
      for (int i = 0; i < conns; i++) {
        if (fds[i].revents & POLLIN) {
          ssize_t r = read(fds[i].fd, buf, sizeof buf);
          if (r > 0) received += r;
        }
      }
    }
  }
  for (int i = 0; i < conns; i++) close(fds[i].fd);
  printf("lines %lld bytes %lld received %lld\n", lines, bytes, received);
  return 0;
}
