// The frame of an email sent alone, about one thing, with one button: the invitation to join a team
// and the sign-in link. Not the session emails' frame (layout.tsx): that one is about a session and
// its items. Each email fills it with its own words (team-invitation.render.ts, sign-in-link.render.ts).
import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import { Paragraph, styles } from './layout.js';

export interface ActionEmailModel {
  /** The `lang` of the document: the email's locale. */
  locale: string;
  preview: string;
  /** The header line: the team the email is about, or the product. */
  heading: string;
  /** The paragraphs before the button. */
  intro: string[];
  action: { href: string; label: string };
  /** The paragraphs after it: what the link does and until when. */
  notes: string[];
  /** Below the rule: "not expecting this?" and the signature. */
  footer: string[];
}

export function ActionEmail({ model }: { model: ActionEmailModel }) {
  return (
    <Html lang={model.locale}>
      <Head />
      <Preview>{model.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.team}>{model.heading}</Text>
          <Hr style={styles.rule} />
          {model.intro.map((paragraph, i) => (
            <Paragraph key={`intro-${i}`}>{paragraph}</Paragraph>
          ))}
          <Section style={styles.actions}>
            <Button href={model.action.href} style={styles.button}>
              {model.action.label}
            </Button>
          </Section>
          {model.notes.map((paragraph, i) => (
            <Paragraph key={`note-${i}`}>{paragraph}</Paragraph>
          ))}
          <Hr style={styles.rule} />
          {model.footer.map((line, i) => (
            <Text key={`footer-${i}`} style={styles.footer}>
              {line}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}
