// The import's rows as they will be saved, each checked: ready, or its problems in words.
import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ItemTypeBadge } from '../components/labels';
import type { ImportRow } from './plan-import';

export function ImportPreview({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={t('import.preview')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.line')}</Table.Th>
            <Table.Th>{t('import.type')}</Table.Th>
            <Table.Th>{t('import.itemTitle')}</Table.Th>
            <Table.Th>{t('import.owner')}</Table.Th>
            <Table.Th>{t('import.strategy')}</Table.Th>
            <Table.Th>{t('import.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line} bg={row.problems.length ? 'var(--mantine-color-red-light)' : undefined}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.type ? <ItemTypeBadge type={row.type} /> : row.typeText}</Table.Td>
              <Table.Td>{row.title}</Table.Td>
              <Table.Td>
                {row.ownerEmail || (
                  <Text span c="dimmed" size="sm">
                    {t('import.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.strategyTitle}</Table.Td>
              <Table.Td>
                {row.problems.length === 0 ? (
                  <Badge color="green" variant="light">
                    {t('import.ok')}
                  </Badge>
                ) : (
                  <List size="sm" c="red">
                    {row.problems.map((problem) => (
                      <List.Item key={problem}>{t(`import.problems.${problem}`)}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
