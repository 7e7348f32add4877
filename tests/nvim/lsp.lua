-- Neovim (0.7+) headless end-to-end test of `linkedin-lint server` with the built-in LSP client:
-- open a fixture, wait for the diagnostics, check them, ask for code actions, apply the safe
-- quick fix, and check the buffer. Run by tests/server.rs (neovim_…): it sets LINKEDIN_LINT
-- (the binary), LINKEDIN_LINT_TODAY and FIXTURE. Prints "nvim-lsp: ok" and quits 0, or
-- prints why and quits 1.

local function fail(msg)
  io.stderr:write("nvim-lsp: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function check(cond, msg)
  if not cond then fail(msg) end
  return cond
end

local ok, err = pcall(function()
  local fixture = os.getenv("FIXTURE")
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "linkedin-lint",
    cmd = { os.getenv("LINKEDIN_LINT"), "server", "--today", os.getenv("LINKEDIN_LINT_TODAY") },
    root_dir = vim.fn.fnamemodify(fixture, ":h"),
  })
  check(client_id, "start_client failed")
  vim.lsp.buf_attach_client(buf, client_id)

  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) >= 3 end, 50)
  check(got, "no diagnostics within 20 s")
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.severity < b.severity
  end)
  local seen = {}
  for _, d in ipairs(diags) do
    local lsp = (d.user_data or {}).lsp or {}
    local code = d.code or lsp.code
    table.insert(seen, string.format("%d:%d %s %s", d.lnum, d.col, code, d.source))
  end
  local text = table.concat(seen, " | ")
  io.stderr:write("nvim-lsp: diagnostics: " .. text .. "\n")
  -- Byte column 56 on line 1: the server's UTF-16 column 53 after `café 😀`, converted by Neovim.
  check(text == "1:56 version-sunset/version-sunset-dated linkedin-lint"
      .. " | 1:56 version-inconsistent/multiple-versions linkedin-lint"
      .. " | 2:11 scope-deprecated/w-share linkedin-lint", "unexpected diagnostics: " .. text)

  -- Code actions on the scope line: the safe quick fix, preferred.
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 2, character = 12 }, ["end"] = { line = 2, character = 12 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }
  local resp = client.request_sync("textDocument/codeAction", params, 10000, buf)
  check(resp and resp.result, "no code action answer: " .. vim.inspect(resp))
  local action = resp.result[1]
  check(action and action.title == 'scope-deprecated/w-share: replace with `"w_member_social"`',
    "unexpected code actions: " .. vim.inspect(resp.result))
  check(action.isPreferred == true, "the safe fix is not preferred")
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(line == 'SCOPES = ["w_member_social", "openid"]', "after the fix: " .. line)

  -- The edit reaches the server (didChange) and the finding goes.
  got = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == 2 then return false end
    end
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  check(got, "the fixed finding is still reported")

  -- Hover on the version.
  resp = client.request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 1, character = 55 },
  }, 10000, buf)
  local value = resp and resp.result and resp.result.contents.value or ""
  check(value:find("sunset date 2024-04-15", 1, true), "hover: " .. value)

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
end)

if not ok then fail(tostring(err)) end
io.stderr:write("nvim-lsp: ok\n")
vim.cmd("qa!")
