/* Streams BYTES through a TCP echo server and reads them all back (checking every byte), then
 * prints the rate. At most WINDOW bytes are in flight (sent, not yet back), so that an echo that
 * does not read while it cannot write (socat PIPE) is not driven into a deadlock.
 * usage: tcp_echo_bulk HOST PORT BYTES
 * output: "bytes N seconds S MBps R" */
#include "common.h"
#include <poll.h>

#define WINDOW (512 * 1024)

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: tcp_echo_bulk HOST PORT BYTES\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  long long total = atoll(argv[3]);
  static unsigned char out[256 * 1024], in[256 * 1024];
  for (size_t i = 0; i < sizeof out; i++) out[i] = (unsigned char)(i * 31 + 7);
  double t0 = now_sec();
  int fd = connect_to(argv[1], atoi(argv[2]));
  set_nonblock(fd);
  long long sent = 0, got = 0;
  int shut = 0;
  while (got < total) {
    int can_send = sent < total && sent - got < WINDOW;
    struct pollfd p = {.fd = fd, .events = POLLIN | (can_send ? POLLOUT : 0)};
    if (poll(&p, 1, 10000) <= 0) {
      fprintf(stderr, "tcp_echo_bulk: stalled after %lld of %lld bytes back\n", got, total);
      return 1;
    }
    if ((p.revents & POLLOUT) && can_send) {
      size_t off = sent % sizeof out;
      size_t want = sizeof out - off;
      if ((long long)want > total - sent) want = total - sent;
      if ((long long)want > WINDOW - (sent - got)) want = WINDOW - (sent - got);
      ssize_t w = write(fd, out + off, want);
      if (w > 0) sent += w;
    }
    if (sent == total && !shut) {
      shutdown(fd, SHUT_WR);
      shut = 1;
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t r = read(fd, in, sizeof in);
      if (r == 0) break;
      if (r > 0) {
        for (ssize_t i = 0; i < r; i++) {
          if (in[i] != out[(got + i) % sizeof out]) {
            fprintf(stderr, "tcp_echo_bulk: byte %lld differs\n", got + i);
            return 1;
          }
        }
        got += r;
      }
    }
  }
  double s = now_sec() - t0;
  if (got != total) {
    fprintf(stderr, "tcp_echo_bulk: got %lld of %lld bytes back\n", got, total);
    return 1;
  }
  printf("bytes %lld seconds %.4f MBps %.1f\n", got, s, got / s / 1e6);
  return 0;
}
