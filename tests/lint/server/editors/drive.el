;; eglot driving `pdlint server' as a user would (run by test_editors.py, after the
;; configuration of docs/editors.md, loaded first): open PDLINT_FILE, wait for the flymake
;; diagnostics, hover the first, run "Fix PDLINT_FIX" then "Disable PDLINT_DISABLE" through
;; M-x eglot-code-actions on the finding, then `pdlint-fix-all' when PDLINT_FIXALL is set, and
;; save. Prints one line per fact.
(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(defun say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun wait-for (condition)
  (let ((end (+ (float-time) 30)))
    (while (and (not (funcall condition)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (and (funcall condition) t)))
(defun settle (condition)
  "What Emacs does when idle after an edit (batch Emacs is never idle): send the change."
  (eglot--signal-textDocument/didChange)
  (wait-for condition))
(defun code-of (diagnostic)
  (and (string-match "\\[\\(PD[0-9]+\\)\\]" (flymake-diagnostic-text diagnostic))
       (match-string 1 (flymake-diagnostic-text diagnostic))))
(defun diagnostics (&optional code)
  (sort (cl-remove-if-not (lambda (d) (or (null code) (equal (code-of d) code))) (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(find-file (getenv "PDLINT_FILE"))
(say "version %s %s" emacs-version major-mode)
(setq eglot-sync-connect 30)
(apply #'eglot (eglot--guess-contact))  ; M-x eglot
(say "published %s" (wait-for (lambda () (flymake-diagnostics))))
(dolist (d (diagnostics))
  (say "diagnostic pdlint %s %d %s" (code-of d) (1- (line-number-at-pos (flymake-diagnostic-beg d)))
       (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))
(let ((first (car (diagnostics))))
  (when first
    (goto-char (flymake-diagnostic-beg first))
    (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
      (say "hover %s" (car (split-string (plist-get (plist-get hover :contents) :value) "\n"))))))
(defun pick (prefix code)
  (let ((d (car (diagnostics code))))
    (if (null d)
        (say "no diagnostic %s" code)
      (goto-char (flymake-diagnostic-beg d))
      (cl-letf (((symbol-function 'completing-read)  ; the user picks the action by its title
                 (lambda (_prompt items &rest _)
                   (let ((item (cl-find-if (lambda (item) (string-prefix-p (concat prefix code) (car item))) items)))
                     (if item (car item) (say "not offered %s%s" prefix code) ""))))
                (last-nonmenu-event ?\r))  ; from the keyboard: eglot asks in the minibuffer
        (ignore-errors (call-interactively #'eglot-code-actions)))
      (say "picked %s%s %s" prefix code (settle (lambda () (null (diagnostics code))))))))
(when (getenv "PDLINT_FIX") (pick "Fix " (getenv "PDLINT_FIX")))
(when (getenv "PDLINT_DISABLE") (pick "Disable " (getenv "PDLINT_DISABLE")))
(when (getenv "PDLINT_FIXALL")
  (let ((tick (buffer-modified-tick)))
    (pdlint-fix-all)
    (say "fixed all %s" (/= tick (buffer-modified-tick)))))
(save-buffer)
(eglot-shutdown (eglot-current-server))
