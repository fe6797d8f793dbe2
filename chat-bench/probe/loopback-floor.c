/*
 * loopback-floor: what this machine's loopback TCP costs before any server code runs.
 *
 *   gcc -O2 -pthread -o loopback-floor chat-bench/probe/loopback-floor.c
 *   ./loopback-floor hops             # wake-up latency: one write waking a blocked reader, then two in a row
 *   ./loopback-floor fanout 1000 1    # one 64-byte write to each of 1000 sockets, by 1 writer thread
 *   ./loopback-floor fanout 1000 2    # the same split over 2 writer threads
 *
 * fanout sends 300 rounds at 100 per second, like a light-load broadcast, and one epoll thread reads
 * every socket; it prints the wall time per write and the median and p90 latency from the start of the
 * round to each read. docs/performance.md explains what these floors say about the daemon's targets.
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

#define ROUNDS 300
#define HOPS 1000

static long now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void sleep_nanos(long nanos) {
    struct timespec t = {nanos / 1000000000L, nanos % 1000000000L};
    nanosleep(&t, NULL);
}

static int compare_longs(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return x < y ? -1 : x > y;
}

static double percentile_millis(long *values, long count, int percent) {
    qsort(values, count, sizeof(long), compare_longs);
    return values[count * percent / 100] / 1e6;
}

/* A connected loopback pair with TCP_NODELAY on both ends: *writer sends, *reader receives. */
static void loopback_pair(int listener, int *writer, int *reader) {
    struct sockaddr_in address;
    socklen_t length = sizeof address;
    getsockname(listener, (struct sockaddr *) &address, &length);
    *reader = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(*reader, (struct sockaddr *) &address, sizeof address) != 0) {
        perror("loopback-floor: connect");
        exit(1);
    }
    *writer = accept(listener, NULL, NULL);
    int one = 1;
    setsockopt(*writer, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(*reader, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static int open_listener(void) {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *) &address, sizeof address) != 0 || listen(listener, 4096) != 0) {
        perror("loopback-floor: listen");
        exit(1);
    }
    return listener;
}

/* hops: main -> relay -> last, each blocked in read; each records how long after its stamp the stamp arrived. */
struct hop {
    int from;         /* the socket this reader blocks on */
    int to;           /* where it forwards each stamp, or -1 */
    long *arrivals;   /* HOPS latencies */
};

static void *read_hop(void *argument) {
    const struct hop *hop = argument;
    for (int i = 0; i < HOPS; i++) {
        long stamp;
        if (read(hop->from, &stamp, sizeof stamp) != sizeof stamp) exit(1);
        hop->arrivals[i] = now_nanos() - stamp;
        if (hop->to >= 0 && write(hop->to, &stamp, sizeof stamp) != sizeof stamp) exit(1);
    }
    return NULL;
}

static int hops(void) {
    static long one_hop[HOPS], two_hops[HOPS];
    int first_writer, first_reader, second_writer, second_reader;
    int listener = open_listener();
    loopback_pair(listener, &first_writer, &first_reader);
    loopback_pair(listener, &second_writer, &second_reader);
    struct hop relay = {first_reader, second_writer, one_hop}, last = {second_reader, -1, two_hops};
    pthread_t relay_thread, last_thread;
    pthread_create(&relay_thread, NULL, read_hop, &relay);
    pthread_create(&last_thread, NULL, read_hop, &last);
    for (int i = 0; i < HOPS; i++) {
        sleep_nanos(10000000L);
        long stamp = now_nanos();
        if (write(first_writer, &stamp, sizeof stamp) != sizeof stamp) exit(1);
    }
    pthread_join(relay_thread, NULL);
    pthread_join(last_thread, NULL);
    printf("one hop: p50 %.3f ms, p90 %.3f ms; two hops: p50 %.3f ms, p90 %.3f ms\n",
           percentile_millis(one_hop, HOPS, 50), percentile_millis(one_hop, HOPS, 90),
           percentile_millis(two_hops, HOPS, 50), percentile_millis(two_hops, HOPS, 90));
    return 0;
}

/* fanout: writer threads split the sockets; one epoll thread reads them all. */
static int members, writers, epoll_fd;
static int *write_ends;
static long *latencies;
static volatile long recorded;
static volatile long round_stamp;
static pthread_barrier_t round_start, round_end;

static void *reader(void *unused) {
    struct epoll_event events[512];
    char buffer[4096];
    (void) unused;
    for (;;) {
        int ready = epoll_wait(epoll_fd, events, 512, -1);
        for (int i = 0; i < ready; i++) {
            if (read(events[i].data.fd, buffer, sizeof buffer) >= (ssize_t) sizeof(long)) {
                long slot = __sync_fetch_and_add(&recorded, 1);
                if (slot < (long) members * ROUNDS) latencies[slot] = now_nanos() - *(long *) buffer;
            }
        }
    }
    return NULL;
}

static void write_share(int part) {
    char message[64] = {0};
    long stamp = round_stamp;
    memcpy(message, &stamp, sizeof stamp);
    for (int i = part; i < members; i += writers) {
        if (write(write_ends[i], message, sizeof message) != sizeof message) exit(1);
    }
}

static void *helper_writer(void *part) {
    for (int round = 0; round < ROUNDS; round++) {
        pthread_barrier_wait(&round_start);
        write_share((int) (long) part);
        pthread_barrier_wait(&round_end);
    }
    return NULL;
}

static int fanout(void) {
    int listener = open_listener();
    write_ends = malloc(sizeof(int) * members);
    latencies = malloc(sizeof(long) * members * ROUNDS);
    epoll_fd = epoll_create1(0);
    for (int i = 0; i < members; i++) {
        int read_end;
        loopback_pair(listener, &write_ends[i], &read_end);
        struct epoll_event interest = {.events = EPOLLIN, .data.fd = read_end};
        epoll_ctl(epoll_fd, EPOLL_CTL_ADD, read_end, &interest);
    }
    pthread_barrier_init(&round_start, NULL, writers);
    pthread_barrier_init(&round_end, NULL, writers);
    pthread_t thread;
    pthread_create(&thread, NULL, reader, NULL);
    for (long part = 1; part < writers; part++) pthread_create(&thread, NULL, helper_writer, (void *) part);
    long writing = 0;
    for (int round = 0; round < ROUNDS; round++) {
        sleep_nanos(10000000L);
        round_stamp = now_nanos();
        pthread_barrier_wait(&round_start);
        write_share(0);
        pthread_barrier_wait(&round_end);
        writing += now_nanos() - round_stamp;
    }
    sleep_nanos(200000000L);
    long count = recorded;
    printf("fanout to %d sockets by %d writer(s): %.2f us of wall time per write; %ld reads, p50 %.3f ms, "
           "p90 %.3f ms\n", members, writers, writing / 1000.0 / ROUNDS / members, count,
           percentile_millis(latencies, count, 50), percentile_millis(latencies, count, 90));
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && !strcmp(argv[1], "hops")) {
        return hops();
    }
    if (argc == 4 && !strcmp(argv[1], "fanout")) {
        members = atoi(argv[2]);
        writers = atoi(argv[3]);
        if (members >= 1 && members <= 10000 && writers >= 1 && writers <= 8) {
            return fanout();
        }
    }
    fprintf(stderr, "usage: loopback-floor hops | loopback-floor fanout MEMBERS(1-10000) WRITERS(1-8)\n");
    return 2;
}
