// Fuzz target: the Connect codec (daemon/api/connect.hpp) on every request message of the
// role × RPC table, in JSON and protobuf binary form. An input is one line naming the codec
// and the method, then the body:
//
//   json spoed.v1.YouthService/SearchYouths
//   {"query":"Sofie 06-12345678"}
//
// A first line that names no method picks one by its hash, so mutated inputs still reach every
// message. Checked besides "no crash": a decoded message survives encoding and decoding again
// unchanged (binary, and JSON apart from unknown fields), and every refusal is a valid Connect
// error body even when it quotes the input.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/log.hpp"
#include "daemon/api/access.hpp"
#include "daemon/api/connect.hpp"
#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/common.pb.h"
#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/meldcode.pb.h"
#include "spoed/v1/offline.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/record.pb.h"
#include "spoed/v1/shift.pb.h"
#include "spoed/v1/stats.pb.h"
#include "spoed/v1/youth.pb.h"

namespace {

using google::protobuf::Message;
using spoed::daemon::api::Codec;

struct Method {
    std::string path;  // "spoed.v1.YouthService/SearchYouths"
    const Message* prototype;
};

[[noreturn]] void Die(const std::string& why) {
    std::fprintf(stderr, "connect_decode: %s\n", why.c_str());
    std::abort();
}

/// Every method of the role × RPC table with its request type, from the generated descriptors.
const std::vector<Method>& Methods() {
    static const std::vector<Method> methods = [] {
        // One message of each file, so that the linker keeps every file and its descriptors.
        for (const auto* d :
             {spoed::v1::CreateUserRequest::descriptor(), spoed::v1::User::descriptor(),
              spoed::v1::Contact::descriptor(), spoed::v1::Participant::descriptor(),
              spoed::v1::PreviewDueRequest::descriptor(), spoed::v1::SignalPhase::descriptor(),
              spoed::v1::ShiftMember::descriptor(), spoed::v1::Share::descriptor(), spoed::v1::Date::descriptor(),
              spoed::v1::MeldcodeTrack::descriptor(), spoed::v1::ExportYouthRecordRequest::descriptor(),
              spoed::v1::OfflineRead::descriptor()}) {
            (void)d;
        }
        std::vector<Method> out;
        const auto* pool = google::protobuf::DescriptorPool::generated_pool();
        auto* factory = google::protobuf::MessageFactory::generated_factory();
        for (const auto& rule : spoed::daemon::api::RpcRules()) {
            const auto* service = pool->FindServiceByName(std::string(rule.service));
            const auto* method = service ? service->FindMethodByName(std::string(rule.method)) : nullptr;
            if (method == nullptr)
                Die("no descriptor for " + std::string(rule.service) + "/" + std::string(rule.method));
            out.push_back({std::string(rule.service) + "/" + std::string(rule.method),
                           factory->GetPrototype(method->input_type())});
        }
        if (out.empty()) Die("the role × RPC table is empty");
        return out;
    }();
    return methods;
}

std::string Deterministic(const Message& m) {
    std::string bytes;
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    m.SerializeToCodedStream(&coded);
    coded.Trim();
    return bytes;
}

void CheckErrorBody(const spoed::Error& error) {
    auto r = spoed::daemon::api::ErrorResponse(error);
    spoed::v1::ConnectError e;
    if (!google::protobuf::util::JsonStringToMessage(r.body, &e).ok() || e.code() != "invalid_argument") {
        Die("refusal is not a valid Connect error: " + r.body);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // As the daemon does: protobuf's complaints go to the (quiet) log, not to stderr.
    spoed::log::SetMinLevel(spoed::log::Level::kError);
    spoed::daemon::api::RouteProtobufLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t eol = input.find('\n');
    std::string_view head = input.substr(0, eol);
    std::string_view body = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);

    Codec codec = head.starts_with("proto") ? Codec::kProto : Codec::kJson;
    std::string_view name = head.substr(std::min(head.size(), head.find(' ') + 1));
    const auto& methods = Methods();
    const Method* method = nullptr;
    for (const auto& m : methods) {
        if (m.path == name) method = &m;
    }
    if (method == nullptr) method = &methods[std::hash<std::string_view>{}(head) % methods.size()];

    std::unique_ptr<Message> msg(method->prototype->New());
    auto st = spoed::daemon::api::Decode(codec, body, *msg);
    if (!st.ok()) {
        if (st.error().code != spoed::ErrorCode::kInvalidArgument) Die("refusal is not invalid_argument");
        CheckErrorBody(st.error());
        return 0;
    }

    // What was accepted can be answered and stored (idempotency) in both forms.
    auto binary = spoed::daemon::api::Encode(Codec::kProto, *msg);
    if (!binary.ok()) Die("accepted " + method->path + " cannot be encoded");
    std::unique_ptr<Message> again(method->prototype->New());
    if (!spoed::daemon::api::Decode(Codec::kProto, *binary, *again).ok()) Die("own binary encoding refused");
    if (Deterministic(*again) != Deterministic(*msg)) Die("binary round trip changed " + method->path);

    auto json = spoed::daemon::api::Encode(Codec::kJson, *msg);
    if (json.ok()) {
        std::unique_ptr<Message> from_json(method->prototype->New());
        if (!spoed::daemon::api::Decode(Codec::kJson, *json, *from_json).ok()) {
            Die("own JSON encoding refused for " + method->path + ": " + *json);
        }
        std::unique_ptr<Message> known(msg->New());
        known->CopyFrom(*msg);
        known->DiscardUnknownFields();
        if (Deterministic(*from_json) != Deterministic(*known)) Die("JSON round trip changed " + method->path);
    }
    return 0;
}
