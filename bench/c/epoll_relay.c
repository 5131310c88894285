/* The floor of the forward latency job: the least a relay can do. Accepts connections and relays
 * each one to TARGET_PORT on 127.0.0.1 in one epoll loop: whatever one side reads is written to the
 * other at once, TCP_NODELAY on both sides; an EOF or error on either side closes both. Writes
 * block, so it is for round trips of small messages only (bulk both ways could stall it).
 * usage: epoll_relay PORT TARGET_PORT */
#include "common.h"

#define MAXFD 65536

static int partner[MAXFD]; /* the other side of each relayed socket; -1 once closed */

static void nodelay(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static void watch(int ep, int fd) {
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

/* Closes both sides; a later event of this batch for either is skipped (partner -1). */
static void close_pair(int fd) {
  int other = partner[fd];
  partner[fd] = partner[other] = -1;
  close(fd);
  close(other);
}

/* Writes all of buf to fd (a blocking socket); returns 0, or -1 on error. */
static int write_all(int fd, const char *buf, ssize_t n) {
  while (n > 0) {
    ssize_t w = write(fd, buf, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    buf += w;
    n -= w;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: epoll_relay PORT TARGET_PORT\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  int lfd = listen_on(atoi(argv[1]), SOCK_STREAM);
  int target_port = atoi(argv[2]);
  int ep = epoll_create1(0);
  watch(ep, lfd);
  static char buf[65536];
  struct epoll_event evs[64];
  for (;;) {
    int n = epoll_wait(ep, evs, 64, -1);
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == lfd) {
        int c = accept(lfd, NULL, NULL);
        if (c < 0 || c >= MAXFD) {
          if (c >= 0) close(c);
          continue;
        }
        int t = connect_to("127.0.0.1", target_port);
        if (t >= MAXFD) {
          close(c);
          close(t);
          continue;
        }
        nodelay(c);
        nodelay(t);
        partner[c] = t;
        partner[t] = c;
        watch(ep, c);
        watch(ep, t);
        continue;
      }
      if (partner[fd] < 0) continue;
      ssize_t r = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (r > 0) {
        if (write_all(partner[fd], buf, r) < 0) close_pair(fd);
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close_pair(fd);
      }
    }
  }
}
