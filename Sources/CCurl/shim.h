#ifndef HADIR_CCURL_SHIM_H
#define HADIR_CCURL_SHIM_H

#include <curl/curl.h>

/*
 * Typed wrappers around libcurl's variadic calls. Swift cannot call C variadic functions, so
 * each argument type curl_easy_setopt / curl_easy_getinfo accepts gets its own inline function.
 */

/* Signature shared by CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
typedef size_t (*hadir_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

/* Signature of CURLOPT_XFERINFOFUNCTION; a non-zero return aborts the transfer. */
typedef int (*hadir_curl_progress_callback)(void *userdata, curl_off_t download_total, curl_off_t download_now,
                                            curl_off_t upload_total, curl_off_t upload_now);

/* curl_global_init with the default flags (CURL_GLOBAL_DEFAULT is a macro Swift cannot import). */
static inline CURLcode hadir_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode hadir_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hadir_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* libcurl copies string options (since 7.17.0), so the caller's buffer may go away afterwards. */
static inline CURLcode hadir_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Pointer options are NOT copied: the memory must outlive curl_easy_perform. */
static inline CURLcode hadir_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hadir_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hadir_curl_setopt_write_callback(CURL *handle, CURLoption option, hadir_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode hadir_curl_setopt_progress_callback(CURL *handle, CURLoption option,
                                                           hadir_curl_progress_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* Limits the handle to http and https (no file://, ftp://, ... from a mistyped server URL). */
static inline CURLcode hadir_curl_restrict_to_http(CURL *handle) {
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85.0: CURLOPT_PROTOCOLS_STR */
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

static inline CURLcode hadir_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode hadir_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode hadir_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode hadir_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
