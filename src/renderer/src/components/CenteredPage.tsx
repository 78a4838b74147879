import { Box, Center, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen shown before the shell: setup, recovery, sign-in, forced password change. */
export function CenteredPage({ title, width = 440, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.1" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mih="calc(100vh - 120px)">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="md">
            <Title order={2} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
