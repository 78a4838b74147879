import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import type { HomeTodo } from '@shared/contract/home';
import { useT } from '../../i18n';
import { TODO_CARDS, TODO_COLORS, TODO_LINKS, TODO_WITHOUT_COUNT } from './home-todos';

type Items = ChannelOutput<'home.todo'>['items'];

/** One to-do: its words and its count, the whole row a link to the list behind it. */
function TodoRow({ todo, count }: { todo: HomeTodo; count: number }) {
  const t = useT();
  const label = t(`home.todos.${todo}`);
  const withCount = !TODO_WITHOUT_COUNT.has(todo);
  return (
    <UnstyledButton
      component={Link}
      to={TODO_LINKS[todo]}
      aria-label={withCount ? t('home.todoCount', { label, count }) : label}
      px="xs"
      py={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      className="home-todo"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" c={withCount ? (count === 0 ? 'dimmed' : undefined) : TODO_COLORS[todo]}>
          {label}
        </Text>
        {withCount && (
          <Badge
            size="lg"
            variant={count === 0 ? 'default' : 'light'}
            color={count === 0 ? 'gray' : (TODO_COLORS[todo] ?? 'blue')}
            miw={44}
          >
            {count}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}

/** The role's to-dos as the core counted them, grouped in cards (home-todos.ts); a card with none is left out. */
export function TodoCards({ items }: { items: Items }) {
  const t = useT();
  const counts = new Map(items.map((item) => [item.key, item.count]));
  const cards = TODO_CARDS.map((card) => ({ ...card, todos: card.todos.filter((todo) => counts.has(todo)) })).filter(
    (card) => card.todos.length > 0,
  );
  if (cards.length === 0) return <Text c="dimmed">{t('home.noTodo')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {cards.map((card) => (
        <Card key={card.key} withBorder radius="md" padding="md" component="section" aria-label={t(`home.cards.${card.key}`)}>
          <Title order={3} size="h5" mb="xs">
            {t(`home.cards.${card.key}`)}
          </Title>
          <Stack gap={2}>
            {card.todos.map((todo) => (
              <TodoRow key={todo} todo={todo} count={counts.get(todo)!} />
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
