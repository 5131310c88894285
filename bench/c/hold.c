/* Opens COUNT idle TCP connections to HOST:PORT, prints "held N" and keeps them until killed.
 * usage: hold HOST PORT COUNT */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: hold HOST PORT COUNT\n");
    return 2;
  }
  int port = atoi(argv[2]), count = atoi(argv[3]), held = 0;
  for (int i = 0; i < count; i++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, argv[1], &a.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
      perror("hold: connect");
      break;
    }
    held++;
  }
  printf("held %d\n", held);
  fflush(stdout);
  pause();
  return 0;
}
