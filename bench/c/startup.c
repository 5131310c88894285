/* Starts a command and measures the time until 127.0.0.1:PORT accepts a connection (polled every
 * 0.5 ms), then stops the command. usage: startup PORT TIMEOUT_S CMD [ARGS...]
 * output: "ms M" */
#include "common.h"
#include <sys/wait.h>

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: startup PORT TIMEOUT_S CMD [ARGS...]\n");
    return 2;
  }
  int port = atoi(argv[1]);
  double timeout = atof(argv[2]);
  double t0 = now_sec();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    execvp(argv[3], argv + 3);
    _exit(127);
  }
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int rc = 1;
  while (now_sec() - t0 < timeout) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
      printf("ms %.1f\n", (now_sec() - t0) * 1e3);
      close(fd);
      rc = 0;
      break;
    }
    close(fd);
    usleep(500);
  }
  if (rc) fprintf(stderr, "startup: nothing listened on port %d within %.0f s\n", port, timeout);
  kill(pid, SIGTERM);
  waitpid(pid, NULL, 0);
  return rc;
}
