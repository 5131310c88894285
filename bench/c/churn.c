/* CYCLES sequential connect / send / half-close / wait-for-close cycles against a TCP server.
 * usage: churn HOST PORT CYCLES
 * output: "cycles N failed F seconds S per_second R" */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: churn HOST PORT CYCLES\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  int port = atoi(argv[2]), cycles = atoi(argv[3]), failed = 0;
  double t0 = now_sec();
  for (int i = 0; i < cycles; i++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, argv[1], &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0 || write(fd, "ping\n", 5) != 5) {
      failed++;
    } else {
      shutdown(fd, SHUT_WR);
      drain_to_eof(fd);
    }
    close(fd);
  }
  double s = now_sec() - t0;
  printf("cycles %d failed %d seconds %.3f per_second %.0f\n", cycles, failed, s, cycles / s);
  return failed > 0;
}
