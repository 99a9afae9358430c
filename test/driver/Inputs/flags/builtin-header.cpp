// Includes a builtin header; its database entry names its own resource
// directory, which must win over the one fallacy-lint adds.
#include <__stddef_size_t.h>

#ifndef FROM_DATABASE_RESOURCE_DIR
#error "the database's -resource-dir was replaced"
#endif

size_t Size = 0;
