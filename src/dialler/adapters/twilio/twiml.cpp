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

std::string DialNumberTwiml(const DialSpec& spec) {
    XmlElement number{
        "Number",
        {{"statusCallbackEvent", "initiated ringing answered completed"},
         {"statusCallback", spec.status_callback_url},
         {"statusCallbackMethod", "POST"}},
        spec.number,
        {}};
    XmlElement dial{
        "Dial",
        {{"answerOnBridge", "true"},
         {"callerId", spec.caller_id},
         {"timeout", std::to_string(spec.timeout_seconds)},
         {"record", "record-from-answer-dual"},
         {"recordingStatusCallback", spec.recording_status_callback_url},
         {"recordingStatusCallbackMethod", "POST"},
         {"action", spec.action_url},
         {"method", "POST"}},
        "",
        {std::move(number)}};
    return RenderXml(XmlElement{"Response", {}, "", {std::move(dial)}});
}

std::string DialClientTwiml(const RingClientSpec& spec) {
    XmlElement client{
        "Client",
        {{"statusCallbackEvent", "initiated ringing answered completed"},
         {"statusCallback", spec.status_callback_url},
         {"statusCallbackMethod", "POST"}},
        spec.identity,
        {}};
    XmlElement dial{
        "Dial",
        {{"answerOnBridge", "true"},
         {"timeout", std::to_string(spec.timeout_seconds)},
         {"record", "record-from-answer-dual"},
         {"recordingStatusCallback", spec.recording_status_callback_url},
         {"recordingStatusCallbackMethod", "POST"},
         {"action", spec.action_url},
         {"method", "POST"}},
        "",
        {std::move(client)}};
    return RenderXml(XmlElement{"Response", {}, "", {std::move(dial)}});
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
