// A stand-in for the builtin header, in the database's own resource directory.
#define FROM_DATABASE_RESOURCE_DIR 1
typedef unsigned long size_t;
