#!/usr/bin/env python3
"""Writes the hand-made seed inputs of tests/fuzz/corpus/<target>/ (seed-*; inputs that once
crashed are kept beside them as crash-*). Run from anywhere; it rewrites only seed-* files.
Every name, number and text is fictional."""
import os
import re
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def rpcs():
    """(service, method) of every row of the role × RPC table in daemon/api/access.cpp."""
    src = open(os.path.join(ROOT, "daemon/api/access.cpp")).read()
    return [("spoed.v1." + s, m) for s, m in re.findall(r'\{rpc::(\w+)::(\w+), "\w+", Access::', src)]


# --- protobuf binary, by hand -----------------------------------------------------------
def varint(n):
    out = b""
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def field(no, value):
    if isinstance(value, int):
        return varint(no << 3) + varint(value)
    if isinstance(value, str):
        value = value.encode()
    return varint(no << 3 | 2) + varint(len(value)) + value


# --- requests ---------------------------------------------------------------------------
YOUTH = ('{"youth":{"givenName":"Sofie","familyName":"de Vries (fictief)","dateOfBirth":{"year":2010,'
         '"month":7,"day":3},"municipality":"Groningen","phones":[{"number":"06-12345678","label":"mobile"}],'
         '"contacts":[{"kind":"CONTACT_KIND_GUARDIAN","name":"Moeder (fictief)"}]},'
         '"idempotencyKey":"fuzz-seed-youth-1"}')
BODIES = {
    ("spoed.v1.OfflineService", "SyncOfflineSet"): '{"syncToken":"o1.AQA"}',
    ("spoed.v1.OfflineService", "UploadOfflineReads"): '{"idempotencyKey":"fuzz-offline-reads","reads":[{"kind":"OFFLINE_READ_KIND_LOOKUP","at":"2026-12-01T21:14:00Z","queryKind":"phone","foundYouthIds":["1"]},{"kind":"OFFLINE_READ_KIND_PLAN","at":"2026-12-01T21:15:00Z","youthId":"1","planId":"1"}]}',
    ("spoed.v1.AuthService", "Login"): '{"username":"fuzz.all.1","password":"wrong password (fictional)","totpCode":"123456"}',
    ("spoed.v1.AuthService", "ChangePassword"): '{"currentPassword":"fuzzing password (fictional)","newPassword":"short"}',
    ("spoed.v1.AuthService", "EndSession"): '{"sessionId":"999"}',
    ("spoed.v1.AdminService", "CreateUser"): '{"username":"anna.fictief","displayName":"Anna (fictief)","roles":["ROLE_CRISIS_WORKER"]}',
    ("spoed.v1.AdminService", "ListAuditEvents"): '{"pageSize":20,"since":"2026-11-23T00:00:00Z","pageToken":"abc"}',
    ("spoed.v1.YouthService", "CreateYouth"): YOUTH,
    ("spoed.v1.YouthService", "SearchYouths"): '{"query":"Sofie 3-7-2010","pageSize":5}',
    ("spoed.v1.YouthService", "LookupCaller"): '{"phone":"+31 (0)6 1234 5678"}',
    ("spoed.v1.YouthService", "GetYouth"): '{"youthId":"1"}',
    ("spoed.v1.CaseService", "OpenCase"): '{"youthId":"1","callerDescription":"moeder belt (fictief)","idempotencyKey":"fuzz-seed-case-1"}',
    ("spoed.v1.CaseService", "LogContact"): '{"caseId":"1","type":"CONTACT_TYPE_INCOMING_CALL","startedAt":"2026-11-23T19:30:00Z",'
                                             '"callerRole":"CALLER_ROLE_PARENT","callerPhone":"0612345678","summary":"fictief",'
                                             '"responses":["RESPONSE_ADVICE"],"idempotencyKey":"fuzz-seed-contact-1"}',
    ("spoed.v1.PlanService", "BreakGlass"): '{"youthId":"1","reason":"acute crisis, plan needed (fictief)","password":"fuzzing password (fictional)","totpCode":"000000"}',
}


def http(method, target, headers, body=b"", version="1.1"):
    if isinstance(body, str):
        body = body.encode()
    head = "%s %s HTTP/%s\r\nHost: localhost:8443\r\n" % (method, target, version)
    for k, v in headers:
        head += "%s: %s\r\n" % (k, v)
    if body or method == "POST":
        head += "Content-Length: %d\r\n" % len(body)
    return head.encode() + b"\r\n" + body


def post(path, body, token="@ALL@", ctype="application/json", extra=()):
    headers = [("Content-Type", ctype)]
    if token:
        headers.append(("Authorization", "Bearer " + token))
    return http("POST", "/" + path, headers + list(extra), body)


def main():
    table = rpcs()
    assert len(table) > 40, "the role × RPC table was not found in daemon/api/access.cpp"

    # --- http_request: every RPC once, then the edges of the protocol ---
    for service, method in table:
        body = BODIES.get((service, method), "{}")
        write("http_request", "%s-%s" % (service.split(".")[-1], method), post(service + "/" + method, body))
    write("http_request", "healthz", http("GET", "/healthz", []))
    write("http_request", "readyz-head", http("HEAD", "/readyz?x=1", []))
    write("http_request", "healthz-post", http("POST", "/healthz", [], "x"))
    write("http_request", "unknown-path", http("POST", "/spoed.v1.NoService/Nothing%00", [("Content-Type", "application/json")], "{}"))
    write("http_request", "get-rpc", http("GET", "/spoed.v1.AuthService/WhoAmI", [("Authorization", "Bearer @ALL@")]))
    write("http_request", "worker-denied", post("spoed.v1.AdminService/ListUsers", "{}", token="@WORKER@"))
    write("http_request", "no-token", post("spoed.v1.YouthService/SearchYouths", '{"query":"Sofie"}', token=""))
    write("http_request", "bad-token", post("spoed.v1.YouthService/SearchYouths", '{"query":"Sofie"}', token="deadbeef"))
    write("http_request", "content-type-xml", post("spoed.v1.AuthService/WhoAmI", "<x/>", ctype="text/xml"))
    write("http_request", "json-charset", post("spoed.v1.AuthService/WhoAmI", "{}", ctype="Application/JSON; charset=utf-8"))
    write("http_request", "json-unknown-field", post("spoed.v1.YouthService/SearchYouths", '{"query":"Sofie","nope":1}'))
    write("http_request", "json-broken", post("spoed.v1.YouthService/CreateYouth", '{"youth":{"givenName":"\\ud800"'))
    write("http_request", "idempotency-short", post("spoed.v1.CaseService/OpenCase", '{"idempotencyKey":"short"}'))
    write("http_request", "search-phone", post("spoed.v1.YouthService/SearchYouths", '{"query":"06 1234 5678"}', token="@WORKER@"))
    write("http_request", "search-date-name", post("spoed.v1.YouthService/SearchYouths", '{"query":"Sofië 03072010","pageToken":"10"}'))
    proto_search = field(1, "Sofie 06-12345678") + field(2, 3)
    write("http_request", "proto-search", post("spoed.v1.YouthService/SearchYouths", proto_search, ctype="application/proto"))
    proto_youth = field(1, field(1, "Sofie") + field(2, "Jansen (fictief)") + field(3, field(1, 2010) + field(2, 7) + field(3, 3))
                        + field(6, field(1, "050-1234567"))) + field(2, "fuzz-seed-youth-proto")
    write("http_request", "proto-create-youth", post("spoed.v1.YouthService/CreateYouth", proto_youth, ctype="application/proto"))
    write("http_request", "proto-garbage", post("spoed.v1.CaseService/LogContact", b"\x0a\xff\xff\xff\xff\x0f", ctype="application/proto"))
    two = post("spoed.v1.AuthService/WhoAmI", "{}") + post("spoed.v1.YouthService/SearchYouths", '{"query":"Jansen"}')
    write("http_request", "pipelined", two)
    chunked = (b"POST /spoed.v1.YouthService/SearchYouths HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Authorization: Bearer @ALL@\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n0e\r\nry\":\"Sofie\"}\r\n0\r\n\r\n")
    write("http_request", "chunked", chunked)
    write("http_request", "content-length-huge", b"POST /spoed.v1.AuthService/Login HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n{}")
    write("http_request", "http10", http("POST", "/spoed.v1.AuthService/WhoAmI", [("Content-Type", "application/json"), ("Authorization", "Bearer @ALL@")], "{}", version="1.0"))
    ws = [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
          ("Sec-WebSocket-Version", "13")]
    write("http_request", "ws-subscribe", http("GET", "/spoed.v1/events", ws + [("Authorization", "Bearer @ALL@")]))
    write("http_request", "ws-resume", http("GET", "/spoed.v1/events?after=2", ws + [("Authorization", "Bearer @WORKER@")]))
    write("http_request", "ws-bad-after", http("GET", "/spoed.v1/events?after=-7&after=x", ws + [("Authorization", "Bearer @ALL@")]))
    write("http_request", "ws-no-token", http("GET", "/spoed.v1/events", ws))

    # --- connect_decode: every request message, JSON and binary ---
    for service, method in table:
        body = BODIES.get((service, method), "{}")
        write("connect_decode", "json-%s-%s" % (service.split(".")[-1], method), "json %s/%s\n%s" % (service, method, body))
    write("connect_decode", "proto-SearchYouths", b"proto spoed.v1.YouthService/SearchYouths\n" + proto_search)
    write("connect_decode", "proto-CreateYouth", b"proto spoed.v1.YouthService/CreateYouth\n" + proto_youth)
    write("connect_decode", "proto-unknown-field", b"proto spoed.v1.AuthService/WhoAmI\n" + field(99, "x") + field(100, 7))
    write("connect_decode", "proto-bad-utf8", b"proto spoed.v1.YouthService/SearchYouths\n" + field(1, b"\xc3\x28"))
    write("connect_decode", "json-timestamp-edge", 'json spoed.v1.AdminService/ListAuditEvents\n{"since":"9999-12-31T23:59:59.999999999Z","until":"0001-01-01T00:00:00Z"}')
    write("connect_decode", "json-int64-string", 'json spoed.v1.YouthService/GetYouth\n{"youthId":"-9223372036854775808"}')
    write("connect_decode", "json-enum-number", 'json spoed.v1.AdminService/CreateUser\n{"roles":[1, 99, "ROLE_ADMIN"]}')
    write("connect_decode", "json-deep", "json spoed.v1.YouthService/CreateYouth\n" + '{"youth":' * 40 + "{}" + "}" * 40)

    # --- websocket: first byte = transport read size, then masked client frames ---
    def frame(opcode, payload, fin=True, mask=b"\x01\x02\x03\x04", rsv=0):
        b0 = (0x80 if fin else 0) | rsv | opcode
        n = len(payload)
        if n < 126:
            head = bytes([b0, 0x80 | n])
        elif n < 65536:
            head = bytes([b0, 0x80 | 126]) + struct.pack(">H", n)
        else:
            head = bytes([b0, 0x80 | 127]) + struct.pack(">Q", n)
        return head + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload))

    close = frame(8, struct.pack(">H", 1000) + b"bye")
    write("websocket", "close", b"\x00" + close)
    write("websocket", "binary-then-close", b"\x00" + frame(2, b"\x08\x01") + close)
    write("websocket", "text-split-reads", b"\x03" + frame(1, "hallo (fictief)".encode()) + close)
    write("websocket", "ping-pong", b"\x00" + frame(9, b"p") + frame(10, b"") + close)
    write("websocket", "fragments", b"\x01" + frame(2, b"ab", fin=False) + frame(9, b"") + frame(0, b"cd") + close)
    write("websocket", "too-big", b"\x00" + frame(2, b"x" * 5000))
    write("websocket", "too-big-fragments", b"\x00" + frame(2, b"x" * 4000, fin=False) + frame(0, b"y" * 200))
    write("websocket", "unmasked", b"\x00" + bytes([0x82, 0x02]) + b"hi")
    write("websocket", "rsv-bits", b"\x00" + frame(2, b"hi", rsv=0x40))
    write("websocket", "bad-opcode", b"\x00" + frame(3, b"hi"))
    write("websocket", "close-bad-code", b"\x00" + frame(8, struct.pack(">H", 1005)))
    write("websocket", "close-bad-utf8", b"\x00" + frame(8, struct.pack(">H", 1000) + b"\xc3\x28"))
    write("websocket", "ping-too-long", b"\x00" + frame(9, b"p" * 126))
    write("websocket", "length-64bit", b"\x00" + bytes([0x82, 0xFF]) + b"\x7f" + b"\xff" * 7 + b"\x00\x00\x00\x00")
    write("websocket", "text-bad-utf8", b"\x02" + frame(1, b"\xed\xa0\x80") + close)

    # --- search_query ---
    for i, q in enumerate(["Sofie", "sofie de vries", "Sofië", "'t Hart", "Jansen-de Vries", "06-12345678",
                           "06 1234 5678", "+31 (0)6 1234 5678", "0031612345678", "(050) 123 4567", "3-7-2010",
                           "03072010", "2010-07-03", "31-02-2010", "12345", "Sofie 3.7.2010 0612345678",
                           "Ærøskøbing Łódź ĳs", "e\u0308", "\u00a0Sofie\u2003", "%_\\", "+999 12 34", "  ", ",,,",
                           "1-1-1899", "29-2-2024", "29-2-2023"]):
        write("search_query", "%02d" % i, q)
    write("search_query", "invalid-utf8", b"Sof\xc3\x28ie \xff")
    write("search_query", "too-long", "a" * 201)

    # --- config ---
    write("config", "defaults", "# spoedd (fictief)\n" + "\n".join([
        "data_dir = /var/lib/spoed", "listen = [::1]:8443", "tls_allow_tls12 = false", "io_threads = 0",
        "max_connections = 1024", "max_header_bytes = 16384", "read_timeout_seconds = 30",
        "session_idle_minutes = 30", "session_lifetime_hours = 12", "handover_due_time = 12:00",
        "handover_reminder_time = 08:30", "night_cutoff_hour = 6", "good_friday_closed = yes",
        "closure_dates = 2026-12-24, 2026-12-31", "evaluation_outcomes = crisis_placement,admission",
        "evaluation_risk_flags = suicide_attempt, self_harm", "evaluation_repeat_cases = 3",
        "log_level = debug", "token_requests_per_second = 2.5", "audit_checkpoint_minutes = 60"]) + "\n")
    write("config", "bad-key", "nonsense = 1\n")
    write("config", "bad-values", "listen = :99999\nhandover_due_time = 24:00\nclosure_dates = 2026-02-30\n")
    write("config", "no-equals", "listen\n\n# only\n   \t\n")
    write("config", "crlf", "listen = 127.0.0.1:0\r\nlog_level = warn\r\n")


if __name__ == "__main__":
    main()
