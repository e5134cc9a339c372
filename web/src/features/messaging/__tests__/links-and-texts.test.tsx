import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  buildLead,
  buildMagicLink,
  buildSmsMessage,
  buildSmsTemplate,
  demoAgents,
} from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function renderQueue(api: FakeApi = createFakeApi()) {
  const session = api.signIn(demoAgents.agent);
  api.queueLeads(buildLead());
  return { ...renderApp({ path: '/queue', api }), session };
}

type Rendered = ReturnType<typeof renderQueue>;

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

async function takeNextCustomer({ user, live }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Next customer' }));
  await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
  act(() => live.current.accept());
}

/**
 * Stops the clock at `at` (default: Tuesday 24 Nov 2026, 11:00 in the UK, so the sample links
 * were sent today and are still live); `alsoIntervals` fakes setInterval too, for the ticking.
 */
function freezeClock(at = '2026-11-24T11:00:00Z', { alsoIntervals = false } = {}) {
  vi.useRealTimers();
  vi.useFakeTimers({
    toFake: alsoIntervals ? ['Date', 'setInterval', 'clearInterval'] : ['Date'],
  });
  vi.setSystemTime(new Date(at));
}

const section = () => screen.getByRole('region', { name: 'Links and texts' });
const linkType = () => within(section()).getByRole('combobox', { name: 'Link type' });
const sendLink = () => within(section()).getByRole('button', { name: 'Send link' });
const textBox = () => within(section()).getByRole('textbox', { name: 'Text message' });
const sendText = () => within(section()).getByRole('button', { name: 'Send text' });
const linkList = () => within(section()).findByRole('list', { name: 'Links sent' });
const textList = () => within(section()).findByRole('list', { name: 'Texts' });

beforeEach(() => {
  freezeClock();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('sending a link', () => {
  it('offers the seven link types and asks for one before sending', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);

    expect(
      within(linkType())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose a link',
      'First login',
      'Claim portal',
      'Upload documents',
      'Complete claim',
      'Review requirements',
      'Claim status',
      'Update details',
    ]);

    await user.click(sendLink());

    await waitFor(() => expect(linkType()).toHaveFocus());
    expect(linkType()).toHaveAccessibleDescription('Choose the link to send.');
    expect(linkType()).toHaveAttribute('aria-invalid', 'true');
    expect(requestsTo(api, 'POST', '/api/magic-links')).toHaveLength(0);
  });

  it('sends the chosen link, says so and lists it, with the text that carried it', async () => {
    const rendered = renderQueue();
    const { user, api, session } = rendered;
    await takeNextCustomer(rendered);
    expect(await within(section()).findByText('No links sent yet')).toBeInTheDocument();

    await user.selectOptions(linkType(), 'Upload documents');
    await user.click(sendLink());

    expect(await within(section()).findByText('Link sent')).toBeInTheDocument();
    const [sent] = requestsTo(api, 'POST', '/api/magic-links');
    // No call in this hold yet, so the link is tied to none.
    expect(sent?.body).toEqual({ userId: '1940', type: 'documentUpload' });
    expect(sent?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    const links = await linkList();
    expect(within(links).getByText('Upload documents')).toBeInTheDocument();
    expect(within(links).getByText('Not opened yet')).toBeInTheDocument();
    const texts = await textList();
    expect(texts).toHaveTextContent('Use this link to carry on with your claim');
    expect(texts).toHaveTextContent('Waiting to send');
    // Back to no choice, so the same link is not sent twice by a second press.
    expect(linkType()).toHaveDisplayValue('Choose a link');
  });

  it('ties the link to the call made in this hold', async () => {
    const rendered = renderQueue();
    const { user, api, voice } = rendered;
    await takeNextCustomer(rendered);
    const softphone = screen.getByRole('region', { name: 'Softphone' });
    await user.click(within(softphone).getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(voice.calls).toHaveLength(1));

    await user.selectOptions(linkType(), 'Complete claim');
    await user.click(sendLink());

    await within(section()).findByText('Link sent');
    const [sent] = requestsTo(api, 'POST', '/api/magic-links');
    expect(sent?.body).toEqual({
      userId: '1940',
      type: 'claimCompletion',
      callSessionId: api.callSessions[0]?.id,
    });
  });

  it('shows why the contact rules refuse the text, and sends nothing', async () => {
    const api = createFakeApi();
    api.refuseTexts({
      denials: [
        { code: 'sms_per_day', message: '1 text today already' },
        { code: 'sms_suppressed', message: null },
      ],
      nextAllowedAt: '2026-11-25T08:00:00Z',
    });
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);

    await user.selectOptions(linkType(), 'Claim portal');
    await user.click(sendLink());

    const alert = await within(section()).findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be texted now.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1 text today already',
      'Sms suppressed',
    ]);
    expect(alert).toHaveTextContent('Next allowed: Wed 25 Nov, 08:00 (UK time)');
    expect(within(section()).queryByText('Link sent')).not.toBeInTheDocument();
    expect(api.magicLinks).toHaveLength(0);
  });

  it("shows the server's message when the customer has had too many links", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/magic-links', () =>
      errorResponse(
        429,
        'resource_exhausted',
        'this customer has been sent 5 links in the last 24 hours; use one of those',
        { field: 'userId' },
      ),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    await rendered.user.selectOptions(linkType(), 'First login');
    await rendered.user.click(sendLink());

    expect(await within(section()).findByRole('alert')).toHaveTextContent(
      'this customer has been sent 5 links in the last 24 hours; use one of those',
    );
  });

  it('shows a 400 on the type under the link type', async () => {
    const api = createFakeApi();
    api.on('POST', '/api/magic-links', () =>
      errorResponse(400, 'invalid_argument', 'type is not a known link type', { field: 'type' }),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    await rendered.user.selectOptions(linkType(), 'Claim status');
    await rendered.user.click(sendLink());

    await waitFor(() =>
      expect(linkType()).toHaveAccessibleDescription('type is not a known link type'),
    );
    expect(linkType()).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(linkType()).toHaveFocus());
  });
});

describe('sending a text', () => {
  const keyPattern = /^[A-Za-z0-9_-]{8,64}$/;

  function sentTexts(api: FakeApi) {
    return requestsTo(api, 'POST', '/api/sms/send').map(
      (request) => request.body as { userId: string; body: string; idempotencyKey: string },
    );
  }

  it('queues the text with an idempotency key, clears the box and lists it', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);
    expect(textBox()).toHaveAttribute('maxLength', '918');
    expect(textBox()).toHaveAccessibleDescription('918 characters left. Ctrl+Enter sends.');

    await user.type(textBox(), '  Hi Jane, call us back on 0113 496 0000.  ');
    expect(textBox()).toHaveAccessibleDescription('875 characters left. Ctrl+Enter sends.');
    await user.click(sendText());

    expect(await within(section()).findByText('Text queued')).toBeInTheDocument();
    const [first] = sentTexts(api);
    expect(first).toEqual({
      userId: '1940',
      body: 'Hi Jane, call us back on 0113 496 0000.',
      idempotencyKey: expect.stringMatching(keyPattern),
    });
    expect(textBox()).toHaveValue('');
    const texts = await textList();
    expect(texts).toHaveTextContent('Hi Jane, call us back on 0113 496 0000.');
    expect(texts).toHaveTextContent('Waiting to send');

    // The next message is a new one: a new key, sent with Ctrl+Enter.
    await user.type(textBox(), 'And thanks!');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(sentTexts(api)).toHaveLength(2));
    expect(sentTexts(api)[1]?.idempotencyKey).toMatch(keyPattern);
    expect(sentTexts(api)[1]?.idempotencyKey).not.toBe(first?.idempotencyKey);
    await waitFor(() => expect(textBox()).toHaveValue(''));
    expect(api.smsMessages).toHaveLength(2);
  });

  it('sends a retry of the same words with the same key, and a double press once', async () => {
    const api = createFakeApi();
    api.on('POST', '/api/sms/send', () => errorResponse(503, 'unavailable', 'The server is busy.'));
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);

    await user.type(textBox(), 'Your documents arrived.');
    await user.click(sendText());
    expect(await within(section()).findByRole('alert')).toHaveTextContent('The server is busy.');
    expect(textBox()).toHaveValue('Your documents arrived.');
    api.off('POST', '/api/sms/send');
    await user.dblClick(sendText());

    expect(await within(section()).findByText('Text queued')).toBeInTheDocument();
    const keys = sentTexts(api).map((text) => text.idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    expect(api.smsMessages).toHaveLength(1);
    expect(within(await textList()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('gives changed words a new key after a failed send', async () => {
    const api = createFakeApi();
    api.on('POST', '/api/sms/send', () => errorResponse(503, 'unavailable', 'The server is busy.'));
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);

    await user.type(textBox(), 'Hello');
    await user.click(sendText());
    await within(section()).findByRole('alert');
    await user.type(textBox(), ' Jane');
    await user.click(sendText());

    await waitFor(() => expect(sentTexts(api)).toHaveLength(2));
    const [first, second] = sentTexts(api);
    expect(second?.body).toBe('Hello Jane');
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('asks for words before sending', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);

    await user.type(textBox(), '   ');
    await user.click(sendText());

    await waitFor(() => expect(textBox()).toHaveFocus());
    expect(textBox()).toHaveAccessibleDescription(
      'Write the text first. 915 characters left. Ctrl+Enter sends.',
    );
    expect(sentTexts(api)).toHaveLength(0);
  });

  it('shows a 400 on the body under the text message and keeps the words', async () => {
    const api = createFakeApi();
    api.on('POST', '/api/sms/send', () =>
      errorResponse(400, 'invalid_argument', 'body must not contain control characters', {
        field: 'body',
      }),
    );
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);

    await user.type(textBox(), 'Hello');
    await user.click(sendText());

    await waitFor(() =>
      expect(textBox()).toHaveAccessibleDescription(
        'body must not contain control characters 913 characters left. Ctrl+Enter sends.',
      ),
    );
    expect(textBox()).toHaveAttribute('aria-invalid', 'true');
    const message = within(section()).getByText('body must not contain control characters');
    expect(textBox().getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(textBox()).toHaveFocus());
    expect(textBox()).toHaveValue('Hello');
    expect(within(section()).queryByText('Text queued')).not.toBeInTheDocument();

    // Changing the words takes the message away.
    await user.type(textBox(), '!');
    expect(textBox()).not.toHaveAttribute('aria-invalid');
  });

  it('shows why the contact rules refuse the text', async () => {
    const api = createFakeApi();
    api.refuseTexts({
      denials: [{ code: 'outside_calling_window', message: 'Texts may be sent from 08:00' }],
      nextAllowedAt: null,
    });
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    await rendered.user.type(textBox(), 'Hello');
    await rendered.user.click(sendText());

    const alert = await within(section()).findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be texted now.');
    expect(alert).toHaveTextContent('Texts may be sent from 08:00');
    expect(alert).not.toHaveTextContent('Next allowed');
    expect(textBox()).toHaveValue('Hello');
  });
});

describe('sending a template', () => {
  const missedCall =
    'Hi Jane, this is Demo Agent from the claims team. We tried to call you about your claim. ' +
    'Reply to this text and we will call you back.';
  const templateSelect = () => within(section()).getByRole('combobox', { name: 'Template' });
  const preview = () => within(section()).findByRole('textbox', { name: 'Text to send' });

  function sentTexts(api: FakeApi) {
    return requestsTo(api, 'POST', '/api/sms/send').map((request) => request.body);
  }

  it('offers the templates in use after Write my own', async () => {
    const api = createFakeApi();
    api.addTemplate(buildSmsTemplate({ id: '3', name: 'Old offer', active: false }));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    await waitFor(() =>
      expect(
        within(templateSelect())
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Write my own', 'Documents waiting', 'Missed call']),
    );
    expect(templateSelect()).toHaveDisplayValue('Write my own');
    expect(textBox()).toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/sms/templates')).not.toHaveLength(0);
  });

  it('shows the text filled in for the customer, sends the template and goes back', async () => {
    const rendered = renderQueue();
    const { user, api, session } = rendered;
    await takeNextCustomer(rendered);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });

    await user.selectOptions(templateSelect(), 'Missed call');

    const shown = await preview();
    expect(shown).toHaveValue(missedCall);
    expect(shown).toHaveAttribute('readonly');
    expect(shown).toHaveAccessibleDescription('As the customer will get it. Ctrl+Enter sends.');
    expect(within(section()).queryByRole('textbox', { name: 'Text message' })).toBeNull();
    expect(requestsTo(api, 'GET', '/api/sms/templates/1/preview?userId=1940')).toHaveLength(1);

    await user.click(sendText());

    expect(await within(section()).findByText('Text queued')).toBeInTheDocument();
    const [sent] = requestsTo(api, 'POST', '/api/sms/send');
    expect(sent?.body).toEqual({
      userId: '1940',
      templateId: '1',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(sent?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(api.smsMessages[0]).toMatchObject({ body: missedCall, templateId: '1' });
    expect(await textList()).toHaveTextContent(missedCall);
    // Back to the agent's own words, so a second press does not send the template again.
    expect(templateSelect()).toHaveDisplayValue('Write my own');
    expect(textBox()).toHaveValue('');

    // The next template is a new message: a new key, sent with Ctrl+Enter from the text.
    await user.selectOptions(templateSelect(), 'Documents waiting');
    await user.click(await preview());
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(sentTexts(api)).toHaveLength(2));
    const [first, second] = sentTexts(api) as { idempotencyKey: string; templateId: string }[];
    expect(second?.templateId).toBe('2');
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it("goes back to the agent's own words, kept as they were", async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });
    await user.type(textBox(), 'Hello Jane');

    await user.selectOptions(templateSelect(), 'Missed call');
    await preview();
    await user.selectOptions(templateSelect(), 'Write my own');

    expect(within(section()).queryByRole('textbox', { name: 'Text to send' })).toBeNull();
    expect(textBox()).toHaveValue('Hello Jane');
    await user.click(sendText());

    await within(section()).findByText('Text queued');
    expect(sentTexts(api)).toEqual([
      { userId: '1940', body: 'Hello Jane', idempotencyKey: expect.any(String) },
    ]);
  });

  it('shows why the contact rules refuse it, keeping the template chosen', async () => {
    const api = createFakeApi();
    api.refuseTexts({
      denials: [{ code: 'sms_per_day', message: '1 text today already' }],
      nextAllowedAt: null,
    });
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });

    await user.selectOptions(templateSelect(), 'Missed call');
    await preview();
    await user.click(sendText());

    const alert = await within(section()).findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be texted now.');
    expect(alert).toHaveTextContent('1 text today already');
    expect(templateSelect()).toHaveDisplayValue('Missed call');
    expect(api.smsMessages).toHaveLength(0);
  });

  it('says when the template was retired before it was sent', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });
    await user.selectOptions(templateSelect(), 'Missed call');
    await preview();
    api.updateTemplate('1', { active: false });

    await user.click(sendText());

    await waitFor(() =>
      expect(templateSelect()).toHaveAccessibleDescription(
        'This template is no longer in use. Choose another, or write your own.',
      ),
    );
    await waitFor(() => expect(templateSelect()).toHaveFocus());
    expect(templateSelect()).toHaveDisplayValue('Write my own');
    await waitFor(() =>
      expect(within(templateSelect()).queryByRole('option', { name: 'Missed call' })).toBeNull(),
    );
    expect(api.smsMessages).toHaveLength(0);
  });

  it('says when the text cannot be filled in, and sends nothing until it is', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/templates/1/preview', () =>
      errorResponse(503, 'unavailable', 'The server is busy.'),
    );
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });

    await user.selectOptions(templateSelect(), 'Missed call');

    expect(
      await within(section()).findByText('The text could not be filled in: The server is busy.'),
    ).toBeInTheDocument();
    await user.click(sendText());
    expect(templateSelect()).toHaveAccessibleDescription(
      'Wait for the text to show, or write your own.',
    );
    expect(sentTexts(api)).toHaveLength(0);

    api.off('GET', '/api/sms/templates/1/preview');
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await preview()).toHaveValue(missedCall);
  });
});

describe('the lists of links and texts', () => {
  it('say when nothing was sent yet', async () => {
    const rendered = renderQueue();
    await takeNextCustomer(rendered);

    expect(await within(section()).findByText('No links sent yet')).toBeInTheDocument();
    expect(await within(section()).findByText('No texts yet')).toBeInTheDocument();
    expect(requestsTo(rendered.api, 'GET', '/api/magic-links?userId=1940')).not.toHaveLength(0);
    expect(requestsTo(rendered.api, 'GET', '/api/sms/messages?userId=1940')).not.toHaveLength(0);
  });

  it('show that they are loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/magic-links', () => new Promise<Response>(() => {}));
    api.on('GET', '/api/sms/messages', () => new Promise<Response>(() => {}));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    expect(within(section()).getByText('Loading links…')).toBeInTheDocument();
    expect(within(section()).getByText('Loading texts…')).toBeInTheDocument();
  });

  it('say when they cannot be read, and read them again on Try again', async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink());
    const unavailable = () => errorResponse(503, 'unavailable', 'The database is unavailable.');
    api.on('GET', '/api/magic-links', unavailable);
    api.on('GET', '/api/sms/messages', unavailable);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await takeNextCustomer(rendered);

    expect(
      await within(section()).findByText(
        'The links could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    expect(
      await within(section()).findByText(
        'The texts could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    const retries = within(section()).getAllByRole('button', { name: 'Try again' });
    expect(retries).toHaveLength(2);
    expect(retries[0]).toHaveAccessibleDescription(
      'The links could not be loaded: The database is unavailable.',
    );

    api.off('GET', '/api/magic-links');
    await user.click(retries[0] as HTMLElement);

    expect(within(await linkList()).getByText('Upload documents')).toBeInTheDocument();
    expect(within(section()).getByText(/The texts could not be loaded/)).toBeInTheDocument();
  });

  it('tell each text in words, with the error code of a refused one', async () => {
    freezeClock('2026-11-25T09:00:00Z');
    const api = createFakeApi();
    const statuses = [
      ['queued', null],
      ['sending', null],
      ['sent', null],
      ['delivered', null],
      ['undelivered', 30003],
      ['failed', 21610],
      ['unknown', null],
    ] as const;
    statuses.forEach(([status, errorCode], index) =>
      api.addSmsMessage(
        buildSmsMessage({ id: String(7001 + index), status, errorCode, body: `Text ${index}` }),
      ),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    const items = within(await textList()).getAllByRole('listitem');
    // Newest first.
    expect(items.map((item) => item.textContent)).toEqual([
      'Text 6Tue 24 Nov, 10:02 · Not confirmed',
      'Text 5Tue 24 Nov, 10:02 · Failed (code 21610)',
      'Text 4Tue 24 Nov, 10:02 · Not delivered (code 30003)',
      'Text 3Tue 24 Nov, 10:02 · Delivered',
      'Text 2Tue 24 Nov, 10:02 · Sent',
      'Text 1Tue 24 Nov, 10:02 · Sending',
      'Text 0Tue 24 Nov, 10:02 · Waiting to send',
    ]);
  });

  it('tell each link: not opened, opened (how often), expired or revoked', async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink({ id: '9001', type: 'firstLogin', status: 'revoked' }));
    api.addMagicLink(buildMagicLink({ id: '9002', type: 'claimPortal', status: 'expired' }));
    api.addMagicLink(
      buildMagicLink({
        id: '9003',
        type: 'statusUpdate',
        clickCount: 3,
        firstOpenedAt: '2026-11-24T10:20:00Z',
        lastOpenedAt: '2026-11-24T10:55:00Z',
      }),
    );
    api.addMagicLink(
      buildMagicLink({
        id: '9004',
        type: 'profileUpdate',
        clickCount: 1,
        firstOpenedAt: '2026-11-24T10:30:00Z',
        lastOpenedAt: '2026-11-24T10:30:00Z',
      }),
    );
    api.addMagicLink(buildMagicLink({ id: '9005', type: 'requirementReview' }));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    const items = within(await linkList()).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Review requirements10:02 · Not opened yetRevoke',
      'Update details10:02 · Opened 30 min agoRevoke',
      'Claim status10:02 · Opened 3 times, last 5 min agoRevoke',
      'Claim portal10:02 · Expired',
      'First login10:02 · Revoked',
    ]);
    expect(
      within(items[0] as HTMLElement).getByRole('button', {
        name: 'Revoke Review requirements link sent 10:02',
      }),
    ).toBeInTheDocument();
  });
});

describe('revoking a link', () => {
  it('revokes it, says so and keeps the focus in the list', async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink());
    const rendered = renderQueue(api);
    const { user, session } = rendered;
    await takeNextCustomer(rendered);
    const links = await linkList();

    await user.click(
      within(links).getByRole('button', { name: 'Revoke Upload documents link sent 10:02' }),
    );

    expect(await within(links).findByText('Revoked')).toBeInTheDocument();
    expect(within(section()).getByText('Upload documents link revoked')).toBeInTheDocument();
    expect(within(links).queryByRole('button', { name: /^Revoke/ })).not.toBeInTheDocument();
    expect(links).toHaveFocus();
    const [revoked] = requestsTo(api, 'POST', '/api/magic-links/9001/revoke');
    expect(revoked?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(api.magicLinks[0]?.status).toBe('revoked');
  });

  it("shows the server's message when the link was already revoked", async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink());
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    const links = await linkList();
    // Revoked elsewhere (a supervisor) while this list still shows it live.
    api.updateMagicLink('9001', { status: 'revoked', revokedAt: '2026-11-24T10:30:00Z' });

    await rendered.user.click(
      within(links).getByRole('button', { name: /^Revoke Upload documents/ }),
    );

    expect(await within(section()).findByRole('alert')).toHaveTextContent(
      'the link is already revoked',
    );
    expect(await within(links).findByText('Revoked')).toBeInTheDocument();
  });
});

describe('live updates', () => {
  it('shows a link as opened when the customer opens it, without a reload', async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink());
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    const links = await linkList();
    expect(within(links).getByText('Not opened yet')).toBeInTheDocument();
    const reads = () => requestsTo(api, 'GET', '/api/magic-links?userId=1940').length;
    const before = reads();

    api.openMagicLink('9001', '2026-11-24T10:58:00Z');
    act(() => rendered.live.magicLinkChanged('9001', 'opened'));

    expect(await within(links).findByText('Opened 2 min ago')).toBeInTheDocument();
    expect(reads()).toBe(before + 1);
    expect(requestsTo(api, 'GET', '/api/queue/next')).toHaveLength(0);
  });

  it('moves "opened … ago" on with the clock', async () => {
    freezeClock('2026-11-24T11:00:00Z', { alsoIntervals: true });
    const api = createFakeApi();
    api.addMagicLink(
      buildMagicLink({
        clickCount: 1,
        firstOpenedAt: '2026-11-24T10:58:00Z',
        lastOpenedAt: '2026-11-24T10:58:00Z',
      }),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    const links = await linkList();
    expect(within(links).getByText('Opened 2 min ago')).toBeInTheDocument();
    const reads = requestsTo(api, 'GET', '/api/magic-links?userId=1940').length;

    await act(() => vi.advanceTimersByTimeAsync(60_000));

    expect(within(links).getByText('Opened 3 min ago')).toBeInTheDocument();
    // The clock alone moved it: nothing was read again.
    expect(requestsTo(api, 'GET', '/api/magic-links?userId=1940')).toHaveLength(reads);
  });

  it("ignores changes to links that are not this customer's", async () => {
    const api = createFakeApi();
    api.addMagicLink(buildMagicLink());
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    await linkList();
    const reads = () => requestsTo(api, 'GET', '/api/magic-links?userId=1940').length;
    const before = reads();

    act(() => rendered.live.magicLinkChanged('8123', 'opened'));
    act(() => rendered.live.smsChanged('6123', 'delivered'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(reads()).toBe(before);
  });

  it("moves a text's state on when the live socket says so", async () => {
    const api = createFakeApi();
    api.addSmsMessage(buildSmsMessage({ status: 'sent' }));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    const texts = await textList();
    expect(texts).toHaveTextContent('Sent');

    api.updateSmsMessage('7001', { status: 'delivered' });
    act(() => rendered.live.smsChanged('7001', 'delivered'));

    await waitFor(() => expect(texts).toHaveTextContent('Delivered'));
  });

  it('rereads both lists after the live socket reconnects', async () => {
    const api = createFakeApi();
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    await within(section()).findByText('No links sent yet');
    await within(section()).findByText('No texts yet');

    act(() => rendered.live.current.drop());
    api.addMagicLink(buildMagicLink());
    api.addSmsMessage(buildSmsMessage({ status: 'delivered' }));
    await waitFor(() => expect(rendered.live.sockets.filter((s) => !s.closed)).toHaveLength(1), {
      timeout: 2_500,
    });
    act(() => rendered.live.current.accept());

    expect(within(await linkList()).getByText('Upload documents')).toBeInTheDocument();
    expect(await textList()).toHaveTextContent('Delivered');
  });
});
