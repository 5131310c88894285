/* Sends BYTES to a TCP server as fast as it takes them, half-closes, waits for the server to close,
 * and prints the rate. usage: tcp_send HOST PORT BYTES
 * output: "bytes N seconds S MBps R" (MB = 10^6 bytes) */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: tcp_send HOST PORT BYTES\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  long long total = atoll(argv[3]);
  static char buf[256 * 1024];
  memset(buf, 'x', sizeof buf);
  double t0 = now_sec();
  int fd = connect_to(argv[1], atoi(argv[2]));
  long long sent = 0;
  while (sent < total) {
    size_t want = total - sent < (long long)sizeof buf ? (size_t)(total - sent) : sizeof buf;
    ssize_t w = write(fd, buf, want);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("write");
    }
    sent += w;
  }
  shutdown(fd, SHUT_WR);
  drain_to_eof(fd);
  double s = now_sec() - t0;
  printf("bytes %lld seconds %.4f MBps %.1f\n", sent, s, sent / s / 1e6);
  return 0;
}
