/* Sends SIZE-byte UDP datagrams to HOST:PORT as fast as possible for SECONDS.
 * usage: udp_blast HOST PORT SECONDS SIZE
 * output: "sent N seconds S pps R" */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: udp_blast HOST PORT SECONDS SIZE\n");
    return 2;
  }
  double seconds = atof(argv[3]);
  int size = atoi(argv[4]);
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
  inet_pton(AF_INET, argv[1], &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
  char buf[65536];
  memset(buf, 'u', sizeof buf);
  long long sent = 0;
  double t0 = now_sec(), t = t0;
  while (t - t0 < seconds) {
    for (int i = 0; i < 256; i++) {
      if (send(fd, buf, size, 0) == size) sent++;
    }
    t = now_sec();
  }
  printf("sent %lld seconds %.4f pps %.0f\n", sent, t - t0, sent / (t - t0));
  return 0;
}
