// Shim for the system's OpenSSL 3 (Debian: libssl-dev). Only BeianTLS imports this module
// (and TestSupport, which mints throwaway certificates through BeianTLS's API, not directly).
// OpenSSL exposes many calls as function-like macros; Swift cannot import those, so each one
// we need is wrapped here as a static inline function with a beian_ prefix.
#ifndef BEIAN_COPENSSL_SHIM_H
#define BEIAN_COPENSSL_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>

static inline long beian_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long beian_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}
static inline long beian_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
static inline long beian_SSL_CTX_set_options(SSL_CTX *ctx, long options) {
    return (long)SSL_CTX_set_options(ctx, (uint64_t)options);
}
static inline long beian_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}
static inline long beian_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline long beian_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}
static inline size_t beian_BIO_ctrl_pending(BIO *bio) {
    return BIO_ctrl_pending(bio);
}
static inline int beian_ERR_GET_LIB(unsigned long e) { return ERR_GET_LIB(e); }
static inline int beian_ERR_GET_REASON(unsigned long e) { return ERR_GET_REASON(e); }
static inline int beian_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *beian_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
static inline int beian_sk_GENERAL_NAME_num(const STACK_OF(GENERAL_NAME) *sk) { return sk_GENERAL_NAME_num(sk); }
static inline GENERAL_NAME *beian_sk_GENERAL_NAME_value(const STACK_OF(GENERAL_NAME) *sk, int i) {
    return sk_GENERAL_NAME_value(sk, i);
}
static inline void beian_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
static inline int beian_EVP_CIPHER_CTX_set_ivlen(EVP_CIPHER_CTX *ctx, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, len, NULL);
}
static inline int beian_EVP_CIPHER_CTX_get_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, len, tag);
}
static inline int beian_EVP_CIPHER_CTX_set_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, len, tag);
}

// Memory, keys and custom BIOs (TLS engine and certificate minting in BeianTLS).
static inline void beian_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }
static inline EVP_PKEY *beian_EVP_EC_gen(const char *curve) { return EVP_EC_gen(curve); }
static inline void beian_BIO_set_retry_read(BIO *bio) { BIO_set_retry_read(bio); }
static inline void beian_BIO_clear_retry_flags(BIO *bio) { BIO_clear_retry_flags(bio); }
static inline long beian_SSL_CTX_clear_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_clear_mode(ctx, mode);
}

#endif
