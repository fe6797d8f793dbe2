/*
 * fanout-probe: light-load fan-out latency of a chat server, Redis pub/sub or NATS, measured the same way.
 *
 * One publisher sends 64-byte messages open-loop at a fixed rate; N + 1 receivers read them on one epoll
 * thread; each delivery's latency runs from the message's intended send time (carried in the message as
 * "#<nanoseconds>") to the read that brought it. The first second of messages is a warm-up. It prints the
 * median, p90 and p99 over all deliveries.
 *
 * Why C and not the Java swarm: to compare CaveChat with servers that speak other protocols, with a client
 * whose own cost is as small as possible and the same for all of them. docs/performance.md has the results.
 *
 *   gcc -O2 -pthread -o fanout-probe chat-bench/probe/fanout-probe.c
 *   ./fanout-probe chat  1000 33000     # CaveChat or the original: the talker also receives its echo
 *   ./fanout-probe redis 1000 6379      # SUBSCRIBE / PUBLISH: N + 1 subscribers, a separate publisher
 *   ./fanout-probe nats  1000 4222      # SUB / PUB, likewise
 * Optional fourth and fifth arguments: messages to measure (default 1000) and messages per second (100).
 * Loopback only; N + 2 descriptors are needed (ulimit -n).
 */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE_BYTES 64

enum protocol { CHAT, REDIS, NATS };

static int epoll_fd;
static long *latencies;
static long capacity;
static volatile long recorded;
static volatile int measuring;

static long now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int compare_longs(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return x < y ? -1 : x > y;
}

static int connect_loopback(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port),
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (s < 0 || connect(s, (struct sockaddr *) &address, sizeof address) != 0) {
        perror("fanout-probe: connect");
        exit(3);
    }
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return s;
}

static void write_all(int s, const char *bytes, int length) {
    while (length > 0) {
        ssize_t n = write(s, bytes, length);
        if (n <= 0) {
            perror("fanout-probe: write");
            exit(1);
        }
        bytes += n;
        length -= n;
    }
}

/* Every '#' starts a timestamp: chat lines, RESP bulk strings and NATS payloads all carry the text as is. */
static void *receive(void *unused) {
    static char buffer[65536];
    struct epoll_event events[512];
    (void) unused;
    for (;;) {
        int ready = epoll_wait(epoll_fd, events, 512, -1);
        for (int i = 0; i < ready; i++) {
            ssize_t count = read(events[i].data.fd, buffer, sizeof buffer);
            long received = now_nanos();
            for (ssize_t j = 0; j < count; j++) {
                if (buffer[j] == '#' && measuring) {
                    long slot = __sync_fetch_and_add(&recorded, 1);
                    if (slot < capacity) {
                        latencies[slot] = received - strtol(buffer + j + 1, NULL, 10);
                    }
                }
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 6) {
        fprintf(stderr, "usage: fanout-probe chat|redis|nats N PORT [MESSAGES [RATE]]\n");
        return 2;
    }
    enum protocol protocol = !strcmp(argv[1], "chat") ? CHAT : !strcmp(argv[1], "redis") ? REDIS
                           : !strcmp(argv[1], "nats") ? NATS : -1;
    int n = atoi(argv[2]), port = atoi(argv[3]);
    int messages = argc > 4 ? atoi(argv[4]) : 1000, rate = argc > 5 ? atoi(argv[5]) : 100;
    if ((int) protocol < 0 || n < 1 || port < 1 || port > 65535 || messages < 1 || rate < 1 || rate > 100000) {
        fprintf(stderr, "fanout-probe: bad arguments (protocol chat|redis|nats, N >= 1, port 1-65535, "
                        "messages >= 1, rate 1-100000)\n");
        return 2;
    }
    /* Connection 0 publishes. A chat talker is also a member and receives its echo; a Redis or NATS
       publisher cannot subscribe on the same connection, so those get one more connection. */
    int connections = protocol == CHAT ? n + 1 : n + 2;
    int *sockets = malloc(sizeof(int) * connections);
    capacity = (long) (n + 1) * messages;
    latencies = malloc(sizeof(long) * capacity);
    epoll_fd = epoll_create1(0);
    for (int i = 0; i < connections; i++) {
        char hello[128];
        int length = 0;
        sockets[i] = connect_loopback(port);
        if (protocol == CHAT) {
            length = snprintf(hello, sizeof hello, "probe%d\n", i);
        } else if (protocol == REDIS && i > 0) {
            length = snprintf(hello, sizeof hello, "SUBSCRIBE probe\r\n");
        } else if (protocol == NATS) {
            length = snprintf(hello, sizeof hello, i > 0 ? "CONNECT {\"verbose\":false}\r\nSUB probe 1\r\n"
                                                         : "CONNECT {\"verbose\":false}\r\n");
        }
        write_all(sockets[i], hello, length);
        if (protocol == CHAT || i > 0) {
            struct epoll_event interest = {.events = EPOLLIN, .data.fd = sockets[i]};
            epoll_ctl(epoll_fd, EPOLL_CTL_ADD, sockets[i], &interest);
        }
    }
    pthread_t receiver;
    pthread_create(&receiver, NULL, receive, NULL);

    /* A second for joins and subscriptions to settle, then a second of warm-up, then the measured messages. */
    long period = 1000000000L / rate, start = now_nanos() + 1000000000L;
    char frame[256], payload[MESSAGE_BYTES], reply[4096];
    for (int k = 0; k < messages + rate; k++) {
        long due = start + k * period;
        struct timespec until = {due / 1000000000L, due % 1000000000L};
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
        if (k == rate) {
            measuring = 1;
        }
        int stamp = snprintf(payload, sizeof payload, "#%ld", due);
        memset(payload + stamp, 'x', MESSAGE_BYTES - stamp);
        int length;
        if (protocol == CHAT) {
            memcpy(frame, payload, MESSAGE_BYTES - 1);
            frame[MESSAGE_BYTES - 1] = '\n';
            length = MESSAGE_BYTES;
        } else {
            length = snprintf(frame, sizeof frame, protocol == REDIS
                    ? "*3\r\n$7\r\nPUBLISH\r\n$5\r\nprobe\r\n$%d\r\n" : "PUB probe %d\r\n", MESSAGE_BYTES);
            memcpy(frame + length, payload, MESSAGE_BYTES);
            memcpy(frame + length + MESSAGE_BYTES, "\r\n", 2);
            length += MESSAGE_BYTES + 2;
        }
        write_all(sockets[0], frame, length);
        if (protocol != CHAT) {
            recv(sockets[0], reply, sizeof reply, MSG_DONTWAIT); /* Redis answers each PUBLISH; drop it */
        }
    }
    struct timespec drain = {0, 300000000L};
    nanosleep(&drain, NULL);
    measuring = 0;

    long count = recorded < capacity ? recorded : capacity;
    if (count == 0) {
        fprintf(stderr, "fanout-probe: nothing arrived\n");
        return 1;
    }
    qsort(latencies, count, sizeof(long), compare_longs);
    printf("%s N=%d: %ld deliveries of %ld expected; p50 %.3f ms, p90 %.3f ms, p99 %.3f ms\n", argv[1], n, count,
           capacity, latencies[count / 2] / 1e6, latencies[count * 9 / 10] / 1e6, latencies[count * 99 / 100] / 1e6);
    return count == capacity ? 0 : 1;
}
