// Linux kernel interfaces that Glibc's Swift overlay does not import: epoll and eventfd.
// Header-only (libc), no library to link. Only BeianRPC's transport imports this module.
#ifndef BEIAN_CLINUX_SHIM_H
#define BEIAN_CLINUX_SHIM_H

#include <stddef.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/tcp.h>

static const int beian_EPOLL_CLOEXEC = EPOLL_CLOEXEC;
static const int beian_EFD_CLOEXEC = EFD_CLOEXEC;
static const int beian_EFD_NONBLOCK = EFD_NONBLOCK;
static const unsigned int beian_EPOLLIN = EPOLLIN;
static const unsigned int beian_EPOLLOUT = EPOLLOUT;
static const unsigned int beian_EPOLLERR = EPOLLERR;
static const unsigned int beian_EPOLLHUP = EPOLLHUP;
static const unsigned int beian_EPOLLRDHUP = EPOLLRDHUP;

// accept4 is a GNU extension: declared here rather than defining _GNU_SOURCE, which would change
// system headers (fd_set) shared with other modules and break a clean build.
extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC.
static inline int beian_accept_nonblocking(int fd) {
    return accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

#endif
