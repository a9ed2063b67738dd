-- Neovim's own LSP client driving `pdlint server` as a user would (run by test_editors.py,
-- after the configuration of docs/editors.md): open PDLINT_FILE, wait for the diagnostics, hover
-- the first, pick "Fix PDLINT_FIX" then "Disable PDLINT_DISABLE" from vim.lsp.buf.code_action()
-- with the cursor at the start of the finding's line, then :write. Prints one line per fact.
local out = {}
local function say(s) table.insert(out, s) end
local function wait(condition) return vim.wait(30000, condition, 20) end

vim.cmd("edit " .. vim.env.PDLINT_FILE)
local buf = vim.api.nvim_get_current_buf()
local v = vim.version()
say(string.format("version %d.%d.%d", v.major, v.minor, v.patch))
say("published " .. tostring(wait(function() return #vim.diagnostic.get(buf) > 0 end)))

local function diagnostics(code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code == nil or tostring(d.code) == code then table.insert(found, d) end
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and tostring(a.code) < tostring(b.code)) end)
  return found
end
for _, d in ipairs(diagnostics()) do
  local text = vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {})
  say(string.format("diagnostic %s %s %d %s", d.source, tostring(d.code), d.lnum, table.concat(text, "\\n")))
end

local first = diagnostics()[1]
if first then
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = first.lnum, character = first.col },
  }, 30000)
  for _, answer in pairs(answers or {}) do
    if answer.result then say("hover " .. answer.result.contents.value:gsub("\n.*", "")) end
  end
end

local wanted
vim.ui.select = function(items, opts, on_choice) -- the user picks the action by its title
  for i, item in ipairs(items) do
    local title = opts.format_item and opts.format_item(item) or item.title
    if wanted and title:sub(1, #wanted) == wanted then return on_choice(item, i) end
  end
  say("not offered " .. tostring(wanted))
  on_choice(nil, nil)
end
local function pick(prefix, code)
  local d = diagnostics(code)[1]
  if d == nil then return say("no diagnostic " .. code) end
  wanted = prefix .. code
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, 0 })
  vim.lsp.buf.code_action()
  say(string.format("picked %s%s %s", prefix, code, tostring(wait(function() return #diagnostics(code) == 0 end))))
end
if vim.env.PDLINT_FIX then pick("Fix ", vim.env.PDLINT_FIX) end
if vim.env.PDLINT_DISABLE then pick("Disable ", vim.env.PDLINT_DISABLE) end
vim.cmd("write")
say("modified after write " .. tostring(vim.bo[buf].modified))
io.stdout:write(table.concat(out, "\n") .. "\n")
vim.cmd("qall!")
