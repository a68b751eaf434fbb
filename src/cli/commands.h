/*
 * commands.h: the subcommands.  Each takes the arguments after its name
 * and returns the process exit status: 0 success, 1 failure, 2 bad usage.
 */
#ifndef GAZETTE_COMMANDS_H
#define GAZETTE_COMMANDS_H

int cmd_init(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_check(int argc, char **argv);
/* cli/import_wxr.c */
int cmd_import_wxr(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_export_static(int argc, char **argv);

/* Prints "gazette: <command>: <message>" on standard error. */
void cli_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
