#include "base/utf8.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>

#include "daemon/api/connect.hpp"
#include "spoed/v1/common.pb.h"

namespace spoed {
namespace {

TEST(Utf8, AcceptsWellFormedSequencesOfEveryLength) {
    EXPECT_EQ(Utf8SequenceLength("a", 0), 1u);
    EXPECT_EQ(Utf8SequenceLength("\xC3\xAB", 0), 2u);          // ë
    EXPECT_EQ(Utf8SequenceLength("\xE0\xA0\x80", 0), 3u);      // U+0800, the first three-byte one
    EXPECT_EQ(Utf8SequenceLength("\xED\x9F\xBF", 0), 3u);      // U+D7FF, just below the surrogates
    EXPECT_EQ(Utf8SequenceLength("\xEF\xBF\xBD", 0), 3u);      // U+FFFD
    EXPECT_EQ(Utf8SequenceLength("\xF0\x90\x80\x80", 0), 4u);  // U+10000
    EXPECT_EQ(Utf8SequenceLength("\xF4\x8F\xBF\xBF", 0), 4u);  // U+10FFFF, the last code point
}

TEST(Utf8, RefusesWhatRfc3629RulesOut) {
    EXPECT_EQ(Utf8SequenceLength("\xC0\xAF", 0), 0u);          // overlong '/'
    EXPECT_EQ(Utf8SequenceLength("\xE0\x80\xAF", 0), 0u);      // overlong, three bytes
    EXPECT_EQ(Utf8SequenceLength("\xF0\x88\x88\x88", 0), 0u);  // overlong, four bytes (found by fuzzing)
    EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);      // surrogate U+D800
    EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80", 0), 0u);  // U+110000
    EXPECT_EQ(Utf8SequenceLength("\xF5\x80\x80\x80", 0), 0u);
    EXPECT_EQ(Utf8SequenceLength("\xE2\x82", 0), 0u);  // cut short
    EXPECT_EQ(Utf8SequenceLength("\x80", 0), 0u);
}

TEST(Utf8, ErrorAnswerQuotingBadBytesStaysReadableJson) {
    // A decoder complaint that quotes the request's bytes, as protobuf's JSON parser does.
    std::string quoted = "not JSON: \xF0\x88\x88\x88 \xED\xA0\x80 \xF4\x90\x80\x80 Sofi\xC3\xAB";
    auto r = daemon::api::ErrorResponse(Error::InvalidArgument(quoted));
    v1::ConnectError e;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &e).ok()) << r.body;
    EXPECT_EQ(e.code(), "invalid_argument");
    EXPECT_EQ(e.message(), "not JSON: ???? ??? ???? Sofi\xC3\xAB");
}

TEST(ConnectCodec, ProtobufComplaintsGoToTheLogNotStderr) {
    // A string field with invalid UTF-8: libprotobuf complains on its own log, once per request.
    std::string body = "\x0a\x02\xc3\x28";
    v1::ConnectError message;
    testing::internal::CaptureStderr();
    EXPECT_FALSE(daemon::api::Decode(daemon::api::Codec::kProto, body, message).ok());
    std::string unrouted = testing::internal::GetCapturedStderr();
    EXPECT_NE(unrouted.find("libprotobuf"), std::string::npos) << "protobuf no longer complains: drop this test";

    daemon::api::RouteProtobufLog();
    testing::internal::CaptureStderr();
    EXPECT_FALSE(daemon::api::Decode(daemon::api::Codec::kProto, body, message).ok());
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace spoed
