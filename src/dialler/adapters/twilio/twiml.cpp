#include "dialler/adapters/twilio/twiml.hpp"

namespace dialler::adapters::twilio {

namespace {

std::string Escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += attribute ? "&quot;" : "\"";
                break;
            default:
                out += c;
        }
    }
    return out;
}

void Render(const XmlElement& e, std::string& out) {
    out += '<';
    out += e.name;
    for (const auto& [key, value] : e.attributes) {
        out += ' ';
        out += key;
        out += "=\"";
        out += Escape(value, true);
        out += '"';
    }
    if (e.text.empty() && e.children.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    out += Escape(e.text, false);
    for (const XmlElement& child : e.children) {
        Render(child, out);
    }
    out += "</";
    out += e.name;
    out += '>';
}

}  // namespace

std::string RenderXml(const XmlElement& root) {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>)";
    Render(root, out);
    return out;
}

namespace {

// One <Dial> of one noun (a number, or an agent's browser): bridged on answer, recorded from
// answer, the dialled leg's status callbacks and the dial's action. Attributes in the order
// Twilio's helper libraries write them.
struct OneDial {
    std::string noun;  // "Number" or "Client"
    std::string target;
    std::string caller_id;  // empty: none (a client is rung with the caller's own number)
    int timeout_seconds = 25;
    std::string action_url;
    std::string status_callback_url;
    std::string recording_status_callback_url;
};

std::string DialTwiml(OneDial d) {
    XmlElement target{
        std::move(d.noun),
        {{"statusCallbackEvent", "initiated ringing answered completed"},
         {"statusCallback", std::move(d.status_callback_url)},
         {"statusCallbackMethod", "POST"}},
        std::move(d.target),
        {}};
    std::vector<std::pair<std::string, std::string>> attributes{{"answerOnBridge", "true"}};
    if (!d.caller_id.empty()) {
        attributes.emplace_back("callerId", std::move(d.caller_id));
    }
    attributes.insert(
        attributes.end(),
        {{"timeout", std::to_string(d.timeout_seconds)},
         {"record", "record-from-answer-dual"},
         {"recordingStatusCallback", std::move(d.recording_status_callback_url)},
         {"recordingStatusCallbackMethod", "POST"},
         {"action", std::move(d.action_url)},
         {"method", "POST"}}
    );
    XmlElement dial{"Dial", std::move(attributes), "", {std::move(target)}};
    return RenderXml(XmlElement{"Response", {}, "", {std::move(dial)}});
}

}  // namespace

std::string DialNumberTwiml(const DialSpec& spec) {
    return DialTwiml(OneDial{
        "Number",
        spec.number,
        spec.caller_id,
        spec.timeout_seconds,
        spec.action_url,
        spec.status_callback_url,
        spec.recording_status_callback_url});
}

std::string DialClientTwiml(const RingClientSpec& spec) {
    return DialTwiml(OneDial{
        "Client",
        spec.identity,
        "",
        spec.timeout_seconds,
        spec.action_url,
        spec.status_callback_url,
        spec.recording_status_callback_url});
}

std::string SayAndRecordTwiml(std::string_view message, const RecordSpec& spec) {
    XmlElement record{
        "Record",
        {{"maxLength", std::to_string(spec.max_seconds)},
         {"playBeep", "true"},
         {"action", spec.action_url},
         {"method", "POST"},
         {"recordingStatusCallback", spec.recording_status_callback_url},
         {"recordingStatusCallbackMethod", "POST"}},
        "",
        {}};
    return RenderXml(XmlElement{
        "Response", {}, "", {XmlElement{"Say", {}, std::string(message), {}}, std::move(record)}});
}

std::string SayAndHangUpTwiml(std::string_view message) {
    return RenderXml(XmlElement{
        "Response",
        {},
        "",
        {XmlElement{"Say", {}, std::string(message), {}}, XmlElement{"Hangup", {}, "", {}}}});
}

}  // namespace dialler::adapters::twilio
