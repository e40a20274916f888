// The frame around every signed-in page: header (brand, language, who is signed in) and a navigation
// that folds behind a burger on narrow screens (375 px phones).
import { AppShell, Burger, Button, Group, NavLink, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useDevMode } from '../api/dev-queries';
import { PageErrorBoundary } from '../components/error-boundary';
import { useMe } from '../api/queries';
import { useAuth } from '../auth/auth-context';
import { languages } from '../i18n/i18n';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // On phones the closed navigation only slides off-screen: take it out of the tab order too.
  const phone = useMediaQuery('(max-width: 48em)');
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-controls="main-navigation"
              aria-expanded={opened}
            />
            {/* The brand is a link, not a heading: each page's own <h1> comes first. */}
            <Text component={Link} to="/" fw={700} size="xl" c="inherit" td="none">
              Rhythm
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSelect />
            <SignedInAs />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('nav.label')}
        component="nav"
        inert={phone && !opened ? true : undefined}
      >
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main>
        <PageErrorBoundary>
          <Outlet />
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

function Navigation() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const devMode = useDevMode();
  const link = (to: string, label: string, description?: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      description={description}
      active={location.pathname === to}
      aria-current={location.pathname === to ? 'page' : undefined}
    />
  );
  return (
    <>
      {link('/', t('nav.overview'))}
      {/* Each team's pages, every link described by the team's name (there may be several teams). */}
      {me.data?.teams.flatMap((team) => [
        link(`/teams/${team.id}/status`, t('nav.processStatus'), team.name),
        link(`/teams/${team.id}/plan`, t('nav.plan'), team.name),
        link(`/teams/${team.id}/members`, t('nav.members'), team.name),
        link(`/teams/${team.id}/settings`, t('nav.settings'), team.name),
      ])}
      {link('/teams/new', t('nav.createTeam'))}
      {link('/profile', t('nav.profile'))}
      {devMode && link('/outbox', t('nav.outbox'), t('nav.outboxHint'))}
    </>
  );
}

function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('nav.language')}
      value={i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
    />
  );
}

function SignedInAs() {
  const { t } = useTranslation();
  const { session, signOut } = useAuth();
  const me = useMe();
  const name = me.data?.user.name ?? session?.user?.name;
  return (
    <Group gap="xs" wrap="nowrap">
      {name && (
        <Text size="sm" visibleFrom="xs" truncate maw={160}>
          <VisuallyHidden>{t('nav.signedInAs')} </VisuallyHidden>
          {name}
        </Text>
      )}
      <Button size="xs" variant="default" onClick={signOut}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}
