// The invitation to join a team: who invites, to which team and roles, the accept link and when
// it expires. A frame of its own: the session emails' frame is about a session and its items.
import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import { Paragraph, styles } from './layout.js';
import type { InvitationFacts, TeamInvitationMessages } from './team-invitation.messages.js';

export interface TeamInvitationModel {
  locale: string;
  t: TeamInvitationMessages;
  facts: InvitationFacts;
  acceptUrl: string;
}

export function TeamInvitationEmail({ model }: { model: TeamInvitationModel }) {
  const { t, facts } = model;
  return (
    <Html lang={model.locale}>
      <Head />
      <Preview>{t.preview(facts)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.team}>{facts.team}</Text>
          <Hr style={styles.rule} />
          <Paragraph>{t.greeting}</Paragraph>
          <Paragraph>{t.intro(facts)}</Paragraph>
          <Section style={styles.actions}>
            <Button href={model.acceptUrl} style={styles.button}>
              {t.accept}
            </Button>
          </Section>
          <Paragraph>{t.signIn}</Paragraph>
          <Paragraph>{t.expiry(facts)}</Paragraph>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{t.notExpected}</Text>
          <Text style={styles.footer}>{t.signature}</Text>
        </Container>
      </Body>
    </Html>
  );
}
