// Parse a WhatsApp export with whatsapp-chat-parser and report the time
// spent parsing (file read excluded) and the message count.
import { readFileSync } from "node:fs";
import { parseString } from "whatsapp-chat-parser";

const text = readFileSync(process.argv[2], "utf8");
const start = process.hrtime.bigint();
const messages = parseString(text);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ messages: messages.length, parse_seconds: ms / 1000 }));
