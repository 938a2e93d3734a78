import { createServer, type Server } from "node:net";

export type CapturedMail = { from: string; to: string[]; data: string };

/**
 * Just enough SMTP for nodemailer to deliver one message per connection
 * (EHLO, MAIL, RCPT, DATA, QUIT; no STARTTLS, no AUTH), capturing each
 * message so a test can read what a person would receive.
 */
export function startSmtpStub(port: number): Promise<{ mails: CapturedMail[]; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let mail: CapturedMail = { from: "", to: [], data: "" };
    let inData = false;
    socket.write("220 stub ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          mails.push(mail);
          mail = { from: "", to: [], data: "" };
          inData = false;
          socket.write("250 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") mail.from = line;
        if (verb === "RCPT") mail.to.push(line.replace(/^RCPT TO:<?|>.*$/gi, ""));
        if (verb === "DATA") inData = true;
        if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write(verb === "DATA" ? "354 go on\r\n" : "250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () =>
      resolve({ mails, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}

/** The body of a captured message as text, with quoted-printable soft breaks and escapes undone. */
export function mailText(mail: CapturedMail): string {
  const body = mail.data.slice(mail.data.indexOf("\r\n\r\n") + 4);
  return body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
