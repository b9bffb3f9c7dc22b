import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOLS } from '../../../../src/core/agents/toolCatalog';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { languageModelTools: Record<string, unknown>[]; mcpServerDefinitionProviders: { id: string }[] };
};

describe('the agent tools in package.json', () => {
  it('declares each tool with the name, descriptions and schema the tools and the MCP server use', () => {
    assert.deepEqual(
      manifest.contributes.languageModelTools.map((t) => ({ name: t.name, toolReferenceName: t.toolReferenceName, displayName: t.displayName, userDescription: t.userDescription, modelDescription: t.modelDescription, inputSchema: t.inputSchema })),
      TOOLS.map((t) => ({ name: t.name, toolReferenceName: t.toolReferenceName, displayName: t.displayName, userDescription: t.userDescription, modelDescription: t.modelDescription, inputSchema: JSON.parse(JSON.stringify(t.inputSchema)) as unknown })),
    );
  });

  it('lets a user mention every tool in chat, each with an icon', () => {
    for (const tool of manifest.contributes.languageModelTools) {
      assert.equal(tool.canBeReferencedInPrompt, true, String(tool.name));
      assert.match(String(tool.icon), /^\$\([a-z-]+\)$/);
    }
  });

  it('offers the MCP server through one provider id, which the extension registers', () => {
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders.map((p) => p.id), ['growthLog.mcpServers']);
    const source = fs.readFileSync(path.resolve(__dirname, '../../../../../src/extension/agents/mcpServerDefinitions.ts'), 'utf8');
    assert.match(source, /MCP_PROVIDER_ID = 'growthLog\.mcpServers'/);
  });
});
