/* Streams BYTES through a TLS echo server (OpenSSL, no certificate check) and reads them all back,
 * checking every byte, then prints the rate. At most WINDOW bytes are in flight, as in
 * tcp_echo_bulk, so that socat's PIPE (which does not read while it cannot write) keeps moving.
 * The TLS handshake is not timed. With CIPHERSUITES (e.g. TLS_AES_128_GCM_SHA256), it offers only
 * those TLS 1.3 suites, so that every server is measured with the same cipher.
 * usage: tls_echo_bulk HOST PORT BYTES [CIPHERSUITES]
 * output: "bytes N seconds S MBps R cipher NAME" */
#include "common.h"
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>

#define WINDOW (512 * 1024)

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: tls_echo_bulk HOST PORT BYTES\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  long long total = atoll(argv[3]);
  static unsigned char out[64 * 1024], in[64 * 1024];
  for (size_t i = 0; i < sizeof out; i++) out[i] = (unsigned char)(i * 31 + 7);
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (argc > 4 && SSL_CTX_set_ciphersuites(ctx, argv[4]) != 1) {
    fprintf(stderr, "tls_echo_bulk: unknown TLS 1.3 cipher suites '%s'\n", argv[4]);
    return 2;
  }
  int fd = connect_to(argv[1], atoi(argv[2]));
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  if (SSL_connect(ssl) != 1) {
    fprintf(stderr, "tls_echo_bulk: handshake failed\n");
    ERR_print_errors_fp(stderr);
    return 1;
  }
  set_nonblock(fd);
  double t0 = now_sec();
  long long sent = 0, got = 0;
  while (got < total) {
    int can_send = sent < total && sent - got < WINDOW;
    if (!SSL_pending(ssl)) {
      struct pollfd p = {.fd = fd, .events = POLLIN | (can_send ? POLLOUT : 0)};
      if (poll(&p, 1, 10000) <= 0) {
        fprintf(stderr, "tls_echo_bulk: stalled after %lld of %lld bytes back\n", got, total);
        return 1;
      }
    }
    if (can_send) {
      size_t off = sent % sizeof out;
      size_t want = sizeof out - off;
      if ((long long)want > total - sent) want = total - sent;
      if ((long long)want > WINDOW - (sent - got)) want = WINDOW - (sent - got);
      int w = SSL_write(ssl, out + off, (int)want);
      if (w > 0) {
        sent += w;
      } else {
        int e = SSL_get_error(ssl, w);
        if (e != SSL_ERROR_WANT_WRITE && e != SSL_ERROR_WANT_READ) {
          fprintf(stderr, "tls_echo_bulk: write failed (%d)\n", e);
          return 1;
        }
      }
    }
    for (;;) {
      int r = SSL_read(ssl, in, sizeof in);
      if (r <= 0) {
        int e = SSL_get_error(ssl, r);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) break;
        fprintf(stderr, "tls_echo_bulk: read failed (%d) after %lld bytes\n", e, got);
        return 1;
      }
      for (int i = 0; i < r; i++) {
        if (in[i] != out[(got + i) % sizeof out]) {
          fprintf(stderr, "tls_echo_bulk: byte %lld differs\n", got + i);
          return 1;
        }
      }
      got += r;
    }
  }
  double s = now_sec() - t0;
  printf("bytes %lld seconds %.4f MBps %.1f cipher %s\n", got, s, got / s / 1e6, SSL_get_cipher_name(ssl));
  SSL_free(ssl);
  close(fd);
  SSL_CTX_free(ctx);
  return 0;
}
