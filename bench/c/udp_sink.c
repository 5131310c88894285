/* Reference UDP receiver: a plain recvfrom loop that discards every datagram.
 * usage: udp_sink [PORT] */
#include "common.h"

int main(int argc, char **argv) {
  int fd = listen_on(argc > 1 ? atoi(argv[1]) : 0, SOCK_DGRAM);
  char buf[65536];
  struct sockaddr_storage from;
  for (;;) {
    socklen_t len = sizeof from;
    recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
  }
}
