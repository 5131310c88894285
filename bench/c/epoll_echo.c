/* Reference TCP echo server: epoll; echoes every chunk; when the peer does not take the echo it
 * stops reading that connection until it does; flushes and closes on EOF.
 * usage: epoll_echo [PORT] */
#include "common.h"

#define BUF (256 * 1024)
#define MAXFD 65536

struct conn {
  char *buf;
  size_t off, len;
  int eof;
};
static struct conn conns[MAXFD];

static void watch(int ep, int fd, unsigned events, int op) {
  struct epoll_event ev = {.events = events, .data.fd = fd};
  epoll_ctl(ep, op, fd, &ev);
}

static void drop(int fd) {
  free(conns[fd].buf);
  memset(&conns[fd], 0, sizeof conns[fd]);
  close(fd);
}

/* Writes what is pending; returns 1 when all is written, 0 when it would block, -1 on error. */
static int flush_conn(int fd) {
  struct conn *c = &conns[fd];
  while (c->off < c->len) {
    ssize_t w = write(fd, c->buf + c->off, c->len - c->off);
    if (w < 0) {
      if (errno == EAGAIN) return 0;
      if (errno == EINTR) continue;
      return -1;
    }
    c->off += w;
  }
  c->off = c->len = 0;
  return 1;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  int lfd = listen_on(argc > 1 ? atoi(argv[1]) : 0, SOCK_STREAM);
  set_nonblock(lfd);
  int ep = epoll_create1(0);
  watch(ep, lfd, EPOLLIN, EPOLL_CTL_ADD);
  struct epoll_event events[256];
  for (;;) {
    int n = epoll_wait(ep, events, 256, -1);
    for (int i = 0; i < n; i++) {
      int fd = events[i].data.fd;
      if (fd == lfd) {
        int c;
        while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (c >= MAXFD) {
            close(c);
            continue;
          }
          int one = 1;
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          conns[c].buf = malloc(BUF);
          watch(ep, c, EPOLLIN, EPOLL_CTL_ADD);
        }
        continue;
      }
      struct conn *c = &conns[fd];
      if (c->len > 0) {
        int f = flush_conn(fd);
        if (f < 0) {
          drop(fd);
          continue;
        }
        if (f == 0) continue;
        if (c->eof) {
          drop(fd);
          continue;
        }
        watch(ep, fd, EPOLLIN, EPOLL_CTL_MOD);
        continue;
      }
      ssize_t r = read(fd, c->buf, BUF);
      if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (r <= 0) {
        drop(fd);
        continue;
      }
      c->off = 0;
      c->len = r;
      int f = flush_conn(fd);
      if (f < 0) {
        drop(fd);
      } else if (f == 0) {
        watch(ep, fd, EPOLLOUT, EPOLL_CTL_MOD);
      }
    }
  }
}
