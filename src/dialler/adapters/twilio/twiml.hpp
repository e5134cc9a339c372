#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dialler::adapters::twilio {

// A small XML element tree, rendered with escaping: TwiML is never glued together from strings.
struct XmlElement {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;  // in this order
    std::string text;
    std::vector<XmlElement> children;
};

// `<?xml version="1.0" encoding="UTF-8"?>` and the element, as Twilio's helper libraries write it
// (no whitespace between elements, an empty element as `<Name/>`).
std::string RenderXml(const XmlElement& root);

// The voice webhook's answer for an agent's call: dial `number` with a caller ID from the
// allow-list, the agent's leg bridged on answer, dual-channel recording from answer, and status,
// recording and action callbacks.
struct DialSpec {
    std::string number;     // E.164
    std::string caller_id;  // E.164, one of the firm's numbers
    int timeout_seconds = 25;
    std::string action_url;
    std::string status_callback_url;
    std::string recording_status_callback_url;
};
std::string DialNumberTwiml(const DialSpec& spec);

// The voice webhook's answer for a customer calling our number: ring the agent's browser (the
// identity its voice device registered with), bridged on answer, recorded from answer, with
// status callbacks for the agent's leg and the dial's action when it ends.
struct RingClientSpec {
    std::string identity;  // "agent-7"
    int timeout_seconds = 20;
    std::string action_url;
    std::string status_callback_url;
    std::string recording_status_callback_url;
};
std::string DialClientTwiml(const RingClientSpec& spec);

// A spoken message, then a voicemail after the tone (ended by silence, the caller hanging up or
// `max_seconds`), then whatever the action answers.
struct RecordSpec {
    int max_seconds = 120;
    std::string action_url;
    std::string recording_status_callback_url;
};
std::string SayAndRecordTwiml(std::string_view message, const RecordSpec& spec);

// A spoken message, then hang up (a refused call, out of hours).
std::string SayAndHangUpTwiml(std::string_view message);

}  // namespace dialler::adapters::twilio
